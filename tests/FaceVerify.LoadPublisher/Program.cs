using System.CommandLine;
using System.Diagnostics;
using FaceVerify.BusClient;
using FaceVerify.Contracts;
using FaceVerify.Messaging;
using MassTransit;

// Publishes one VerifyIdentity per id in --ids, cycling through the image pairs in --pairs
// ("id-photo|snapshot" per line). With --wait it also waits for every completed event and prints
// the throughput: that is the bench (cold ID-photo cache: many distinct ID photos; warm: one).
var bus = BusCommands.BusOption();
var messageData = new Option<string>("--message-data") { DefaultValueFactory = _ => BusConnection.DefaultMessageDataPath };
var idsFile = new Option<FileInfo>("--ids") { Required = true };
var pairsFile = new Option<FileInfo>("--pairs") { Required = true };
var wait = new Option<bool>("--wait");
var timeout = new Option<TimeSpan>("--timeout") { DefaultValueFactory = _ => TimeSpan.FromMinutes(10) };
var root = new RootCommand("FaceVerify load publisher") { bus, messageData, idsFile, pairsFile, wait, timeout };
root.SetAction(async (parse, cancellationToken) =>
{
    var ids = (await File.ReadAllLinesAsync(parse.GetValue(idsFile)!.FullName, cancellationToken))
        .Where(l => l.Length > 0).Select(Guid.Parse).ToArray();
    var pairs = (await File.ReadAllLinesAsync(parse.GetValue(pairsFile)!.FullName, cancellationToken))
        .Where(l => l.Length > 0).Select(l => l.Split('|')).ToArray();

    var connection = new BusConnection(parse.GetValue(bus)!, parse.GetValue(messageData)!);
    var repository = connection.CreateRepository();
    var uploader = new ImageUploader(repository, TimeSpan.FromDays(1));
    var uploaded = new Dictionary<string, ImageInput>();
    foreach (var path in pairs.SelectMany(p => p).Distinct())
        uploaded[path] = await uploader.UploadAsync(await File.ReadAllBytesAsync(path, cancellationToken), cancellationToken);

    var waiter = new CompletedEventWaiter();
    // Expected before publishing: the first answers may arrive while later requests are still being sent.
    var pending = parse.GetValue(wait) ? ids.Select(waiter.Expect).ToArray() : [];
    var busControl = connection.CreateBus(repository, cfg =>
    {
        if (parse.GetValue(wait)) cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), KebabCaseEndpointNameFormatter.Instance, waiter.Attach);
    });
    await busControl.StartAsync(cancellationToken);
    try
    {
        var publisher = new ResilientPublisher(busControl);
        var started = Stopwatch.StartNew();
        for (var i = 0; i < ids.Length; i++)
        {
            var pair = pairs[i % pairs.Length];
            await publisher.PublishAsync(new VerifyIdentity
            {
                VerificationId = ids[i],
                CandidateId = $"load-{i}",
                ExamId = "load",
                IdPhoto = uploaded[pair[0]],
                Snapshot = uploaded[pair[1]],
                RequestedAt = DateTimeOffset.UtcNow,
            }, cancellationToken);
        }
        Console.WriteLine($"published {ids.Length}");
        if (!parse.GetValue(wait)) return 0;

        await Task.WhenAll(pending.Select(p => p.Completion)).WaitAsync(parse.GetValue(timeout), cancellationToken);
        var seconds = started.Elapsed.TotalSeconds;
        Console.WriteLine($"completed {ids.Length} in {seconds:F1} s: {ids.Length / seconds:F2} verifications/s");
        return 0;
    }
    finally
    {
        await busControl.StopAsync(CancellationToken.None);
    }
});
return await root.Parse(args).InvokeAsync();
