using System.Collections.Concurrent;
using System.Diagnostics;
using FaceVerify.BusClient;
using FaceVerify.Contracts;
using FaceVerify.Worker.Options;
using FaceVerify.Worker.Records;
using MassTransit;

namespace FaceVerify.Worker.Tests.Broker;

/// <summary>
/// One test's world on the real broker: its own virtual host (so runs never see each other's
/// queues), its own record and claim-check folders, and an observer queue collecting every completed event.
/// </summary>
internal sealed class BrokerWorld : IAsyncDisposable
{
    private readonly string _vhost = $"fvtest-{Guid.NewGuid():N}";
    private IBusControl? _observerBus;

    public BrokerWorld()
    {
        var baseUri = Environment.GetEnvironmentVariable("FACEVERIFY_TEST_RABBITMQ_URI");
        if (string.IsNullOrEmpty(baseUri))
            throw new InvalidOperationException("FACEVERIFY_TEST_RABBITMQ_URI is not set: the broker tests need a real RabbitMQ (run scripts/test.sh, which starts one).");
        BusUri = new Uri(new Uri(baseUri), _vhost);
        Root = TestPaths.NewTempDirectory();
    }

    public Uri BusUri { get; }
    public string Root { get; }
    public string MessageDataPath => Path.Combine(Root, "message-data");
    public RecordOptions Records => new() { DatabasePath = Path.Combine(Root, "records.db"), EvidencePath = Path.Combine(Root, "evidence") };
    public ConcurrentQueue<IdentityVerificationCompleted> Completed { get; } = new();
    /// <summary>Environment variables for every worker and publisher this world starts.</summary>
    public Dictionary<string, string> ProcessEnvironment { get; } = [];

    public IReadOnlyDictionary<Guid, int> CompletedCountById() =>
        Completed.GroupBy(c => c.VerificationId).ToDictionary(g => g.Key, g => g.Count());

    public async Task StartAsync()
    {
        await RabbitMqCtlAsync($"add_vhost {_vhost}");
        await RabbitMqCtlAsync($"set_permissions -p {_vhost} guest '.*' '.*' '.*'");
        var connection = new BusConnection(BusUri, MessageDataPath);
        // A durable queue: events published while the broker restarts wait here for the observer.
        _observerBus = connection.CreateBus(connection.CreateRepository(), cfg => cfg.ReceiveEndpoint("test-completed-observer",
            e => e.Handler<IdentityVerificationCompleted>(context => { Completed.Enqueue(context.Message); return Task.CompletedTask; })));
        await _observerBus.StartAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
    }

    public WorkerProcess StartWorker() => WorkerProcess.Start(BusUri, MessageDataPath, Records, ProcessEnvironment);

    public async Task<string> WriteIdsAsync(IEnumerable<Guid> ids)
    {
        var path = Path.Combine(Root, $"ids-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(path, ids.Select(i => i.ToString()));
        return path;
    }

    /// <summary>Starts the publisher as a separate process; the caller awaits its exit.</summary>
    public async Task<Process> StartPublisherAsync(IReadOnlyList<Guid> ids, params string[] extraArguments)
    {
        var pairs = Path.Combine(Root, "pairs.txt");
        await File.WriteAllLinesAsync(pairs, TestPaths.LfwPairs.Select(p => $"{p.IdPhoto}|{p.Snapshot}"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { TestPaths.PublisherDll, "--bus", BusUri.ToString(), "--message-data", MessageDataPath,
                     "--ids", await WriteIdsAsync(ids), "--pairs", pairs }.Concat(extraArguments))
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in ProcessEnvironment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public async Task PublishAsync(IReadOnlyList<Guid> ids)
    {
        using var publisher = await StartPublisherAsync(ids);
        await publisher.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        Assert.Equal(0, publisher.ExitCode);
    }

    /// <summary>Polls until every id has at least one completed event; the deadline only bounds a broken run.</summary>
    public async Task WaitUntilAnsweredAsync(IReadOnlyCollection<Guid> ids, int minimumEvents = 0, TimeSpan? deadline = null)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < (deadline ?? TimeSpan.FromMinutes(4)))
        {
            var counts = CompletedCountById();
            if (ids.All(counts.ContainsKey) && Completed.Count >= minimumEvents) return;
            await Task.Delay(200);
        }
        var missing = ids.Count(id => !CompletedCountById().ContainsKey(id));
        Assert.Fail($"{missing} of {ids.Count} verifications unanswered ({Completed.Count} events in all)");
    }

    public async Task<VerificationRecord?> RecordAsync(Guid id) =>
        await new SqliteVerificationRecordStore(Microsoft.Extensions.Options.Options.Create(Records)).FindAsync(id, default);

    public static async Task RabbitMqCtlAsync(string arguments)
    {
        var ctl = Environment.GetEnvironmentVariable("FACEVERIFY_TEST_RABBITMQCTL")
            ?? throw new InvalidOperationException("FACEVERIFY_TEST_RABBITMQCTL is not set (scripts/test.sh sets it).");
        var start = new ProcessStartInfo("bash", ["-c", $"{ctl} {arguments}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {arguments} failed: {await error}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_observerBus is not null) await _observerBus.StopAsync(CancellationToken.None);
        try { await RabbitMqCtlAsync($"delete_vhost {_vhost}"); } catch (InvalidOperationException) { /* the broker may be gone */ }
    }
}
