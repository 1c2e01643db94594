using ExamBackend;
using MassTransit;
using MassTransit.MessageData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// Settings: appsettings.json beside the program, then environment variables (ExamBackend__RabbitMQ__Uri=…).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var options = builder.Configuration.GetSection("ExamBackend").Get<ExamBackendOptions>() ?? new ExamBackendOptions();
builder.Services.AddSingleton(Options.Create(options));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(new CommandLineCheckIn(CheckIn.FromArgs(args)));
builder.Services.AddSingleton<PendingVerifications>();
IMessageDataRepository? claimCheck = options.ClaimCheckFolder is { } folder
    ? new FileSystemMessageDataRepository(Directory.CreateDirectory(folder))
    : null;
builder.Services.AddSingleton<ICandidateImages>(sp => new ClaimCheckOrUrlImages(claimCheck, sp.GetRequiredService<IOptions<ExamBackendOptions>>()));

builder.Services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
builder.Services.AddMassTransit(x =>
{
    x.AddConsumer<VerificationCompletedConsumer>();
    x.UsingRabbitMq((context, cfg) =>
    {
        cfg.Host(options.RabbitMQ.Uri, h =>
        {
            if (options.RabbitMQ.Username is { } user) h.Username(user);
            if (options.RabbitMQ.Password is { } password) h.Password(password);
        });
        if (claimCheck is not null) cfg.UseMessageData(claimCheck);
        cfg.ReceiveEndpoint(options.QueueName, e =>
        {
            e.UseMessageRetry(r => r.Intervals(200, 1000, 5000));
            e.ConfigureConsumer<VerificationCompletedConsumer>(context);
        });
    });
});
builder.Services.AddHostedService<CheckInService>();

await builder.Build().RunAsync();
