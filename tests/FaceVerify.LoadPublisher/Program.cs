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
// Every Nth request is published twice at the same moment with the same VerificationId (0: none), as a client that
// retried too early would; --summary prints one JSON line of what was answered instead of failing on a timeout.
var twiceEvery = new Option<int>("--send-twice-every");
var summary = new Option<bool>("--summary");
var root = new RootCommand("FaceVerify load publisher") { bus, messageData, idsFile, pairsFile, wait, timeout, twiceEvery, summary };
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
        // This process's own CPU from the first publish to the last answer (start-up and uploads excluded), so the
        // bench can add the client's share to the worker's and the broker's.
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.StartNew();
        // Per request: publish → completed event (queueing included: a burst waits its turn) and the worker's own compute time.
        var latencies = new double[ids.Length];
        var answeredAt = new double[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (pending.Length > 0)
            {
                var index = i;
                var sent = started.Elapsed.TotalMilliseconds;
                _ = pending[i].Completion.ContinueWith(_ =>
                {
                    answeredAt[index] = started.Elapsed.TotalMilliseconds;
                    latencies[index] = answeredAt[index] - sent;
                }, TaskScheduler.Default);
            }
            var pair = pairs[i % pairs.Length];
            var request = new VerifyIdentity
            {
                VerificationId = ids[i],
                CandidateId = $"load-{i}",
                ExamId = "load",
                IdPhoto = uploaded[pair[0]],
                Snapshot = uploaded[pair[1]],
                RequestedAt = DateTimeOffset.UtcNow,
            };
            var copies = parse.GetValue(twiceEvery) is > 0 and var every && i % every == 0 ? 2 : 1;
            await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => publisher.PublishAsync(request, cancellationToken)));
        }
        var lastPublishedMs = started.Elapsed.TotalMilliseconds;
        Console.WriteLine($"published {ids.Length}");
        if (!parse.GetValue(wait)) return 0;
        if (parse.GetValue(summary))
        {
            var all = Task.WhenAll(pending.Select(p => p.Completion));
            await Task.WhenAny(all, Task.Delay(parse.GetValue(timeout), cancellationToken));
            var answered = pending.Count(p => p.Completion.IsCompletedSuccessfully);
            Console.WriteLine($$"""{"requests":{{ids.Length}},"answered":{{answered}},"seconds":{{started.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}}}""");
            return answered == ids.Length ? 0 : 1;
        }

        await Task.WhenAll(pending.Select(p => p.Completion)).WaitAsync(parse.GetValue(timeout), cancellationToken);
        var seconds = started.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalMilliseconds;
        await Task.Delay(50, cancellationToken); // the latency continuations run right after the completions
        var compute = pending.Select(p => p.Completion.Result.TimingsMs.GetValueOrDefault("total")).ToArray();
        Console.WriteLine($"latency ms p50 {Percentile(latencies, 0.5):F1} p95 {Percentile(latencies, 0.95):F1} (publish → completed, queueing included); worker compute ms p50 {Percentile(compute, 0.5):F1} p95 {Percentile(compute, 0.95):F1}");
        Console.WriteLine($"publisher CPU {cpuMs / ids.Length:F1} ms per request");
        // Once every request is published the publisher only receives answers, so the rate from then on is the
        // worker's (and the broker's) draining a loaded queue, without the client's sending on the same cores.
        var drained = answeredAt.Where(t => t > lastPublishedMs).Order().ToArray();
        if (drained.Length >= 2)
            Console.WriteLine($"after the last publish: {drained.Length - 1} answers in {(drained[^1] - drained[0]) / 1000:F2} s: {(drained.Length - 1) * 1000 / (drained[^1] - drained[0]):F2} verifications/s (queue loaded)");
        Console.WriteLine($"completed {ids.Length} in {seconds:F1} s: {ids.Length / seconds:F2} verifications/s");
        return 0;
    }
    finally
    {
        await busControl.StopAsync(CancellationToken.None);
    }
});
return await root.Parse(args).InvokeAsync();

static double Percentile(double[] values, double q)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
