using FaceVerify.Worker.Tests.Postgres;

namespace FaceVerify.Worker.Tests.Broker;

/// <summary>Two worker processes on one PostgreSQL and one broker, as two machines on exam day would run.</summary>
[Collection(nameof(BrokerTests))]
public sealed class SharedDatabaseWorkersTests
{
    [Fact]
    public async Task A_request_sent_twice_at_once_and_delivered_to_both_workers_is_computed_once()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var world = new BrokerWorld();
        world.ProcessEnvironment["FaceVerify__Records__Provider"] = "Postgres";
        world.ProcessEnvironment["FaceVerify__MessageData__Provider"] = "Postgres";
        world.ProcessEnvironment["FaceVerify__Postgres__ConnectionString"] = db.ConnectionString;
        // One message at a time per worker: the two copies of a pair then go to the two workers.
        world.ProcessEnvironment["FaceVerify__Consumers__ConcurrentMessageLimit"] = "1";
        world.ProcessEnvironment["Logging__LogLevel__FaceVerify.Worker.Verification"] = "Information";
        await world.StartAsync();
        using var a = world.StartWorker();
        using var b = world.StartWorker();
        await Task.WhenAll(a.WaitReadyAsync(), b.WaitReadyAsync());

        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        using (var publisher = await world.StartPublisherAsync(ids, "--send-twice-every", "1"))
        {
            await publisher.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
            Assert.Equal(0, publisher.ExitCode);
        }
        await world.WaitUntilAnsweredAsync(ids, minimumEvents: 2 * ids.Length);

        foreach (var id in ids)
        {
            Assert.Equal(1, await db.ScalarAsync<int>($"SELECT first_computations FROM verifications WHERE verification_id = '{id}'"));
            Assert.Equal(1, await db.ScalarAsync<int>($"SELECT duplicates_answered FROM verifications WHERE verification_id = '{id}'"));
        }
        // The proof that copies really met on different workers: computed by one, answered from the record by the other.
        static bool Split(Guid id, WorkerProcess computer, WorkerProcess answerer) =>
            computer.Output.Contains($"Verification {id} computed") && answerer.Output.Contains($"Verification {id} answered from its record");
        Assert.Contains(ids, id => Split(id, a, b) || Split(id, b, a));
        Assert.DoesNotContain(ids, id => a.Output.Contains($"Verification {id} computed") && b.Output.Contains($"Verification {id} computed"));
    }
}
