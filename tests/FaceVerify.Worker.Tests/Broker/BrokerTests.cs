namespace FaceVerify.Worker.Tests.Broker;

/// <summary>
/// The worker and the publisher as separate processes on the real RabbitMQ, with the real core and
/// LFW pictures. Sequential (one collection) so they do not share the two cores.
/// </summary>
[Collection(nameof(BrokerTests))]
public sealed class BrokerTests
{
    private static Guid[] NewIds(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();

    [Fact]
    public async Task Two_hundred_requests_get_exactly_one_event_each_and_duplicates_are_answered_from_records()
    {
        await using var world = new BrokerWorld();
        await world.StartAsync();
        using var worker = world.StartWorker();
        await worker.WaitReadyAsync();

        var ids = NewIds(200);
        await world.PublishAsync(ids);
        await world.WaitUntilAnsweredAsync(ids);
        await Task.Delay(TimeSpan.FromSeconds(3));   // room for any stray second event to show up
        Assert.Equal(200, world.Completed.Count);
        Assert.All(world.CompletedCountById().Values, count => Assert.Equal(1, count));

        var duplicates = ids.Take(20).ToArray();
        await world.PublishAsync(duplicates);
        await world.WaitUntilAnsweredAsync(duplicates, minimumEvents: 220);
        foreach (var id in duplicates)
        {
            var events = world.Completed.Where(c => c.VerificationId == id).ToArray();
            Assert.Equal(2, events.Length);
            Assert.Equal(events[0].CompletedAt, events[1].CompletedAt);   // the stored event, not a new computation
            var record = await world.RecordAsync(id);
            Assert.Equal((1, 1), (record!.Attempts, record.DuplicatesAnswered));
        }
        Assert.Equal(0, (await world.RecordAsync(ids[^1]))!.DuplicatesAnswered);

        Assert.Equal(0, await worker.StopAsync());   // graceful shutdown on SIGTERM
    }

    [Fact]
    public async Task Stopping_and_starting_the_broker_mid_batch_loses_nothing()
    {
        await using var world = new BrokerWorld();
        await world.StartAsync();
        using var worker = world.StartWorker();
        await worker.WaitReadyAsync();

        var ids = NewIds(100);
        using var publisher = await world.StartPublisherAsync(ids);
        await world.WaitUntilAnsweredAsync(ids.Take(1).ToArray(), minimumEvents: 15);
        await BrokerWorld.RabbitMqCtlAsync("stop_app");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await BrokerWorld.RabbitMqCtlAsync("start_app");
        await BrokerWorld.RabbitMqCtlAsync("await_startup");

        await publisher.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token);
        Assert.Equal(0, publisher.ExitCode);
        await world.WaitUntilAnsweredAsync(ids);
        foreach (var id in ids) Assert.Equal(1, (await world.RecordAsync(id))!.Attempts);
    }

    [Fact]
    public async Task A_worker_killed_mid_batch_and_restarted_still_answers_every_request()
    {
        await using var world = new BrokerWorld();
        await world.StartAsync();
        var ids = NewIds(100);
        using (var first = world.StartWorker())
        {
            await first.WaitReadyAsync();
            await world.PublishAsync(ids);
            await world.WaitUntilAnsweredAsync(ids.Take(1).ToArray(), minimumEvents: 15);
            first.Kill();
        }
        Assert.True(world.CompletedCountById().Count < ids.Length, "the kill came too late to interrupt the batch");

        using var second = world.StartWorker();
        await second.WaitReadyAsync();
        await world.WaitUntilAnsweredAsync(ids);
        foreach (var id in ids) Assert.Equal(1, (await world.RecordAsync(id))!.Attempts);
    }
}
