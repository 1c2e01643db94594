using FaceVerify.Worker.Options;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Messaging;

/// <summary>
/// What every consumer endpoint shares: concurrency sized to the CPU, bounded retries of transient
/// faults only (bad input never throws: it is a result), and an in-memory outbox so a retried attempt
/// publishes nothing twice. Whatever still fails goes to the endpoint's <c>_error</c> queue as a Fault.
/// </summary>
public sealed class ConsumerEndpointPolicy(IOptions<ConsumerOptions> options)
{
    public int ConcurrentMessageLimit => options.Value.EffectiveConcurrentMessageLimit;

    public void ApplyFaultHandling(IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        var o = options.Value;
        endpoint.UseMessageRetry(r =>
        {
            r.Exponential(o.RetryLimit, TimeSpan.FromMilliseconds(o.RetryMinIntervalMs),
                TimeSpan.FromMilliseconds(o.RetryMaxIntervalMs), TimeSpan.FromMilliseconds(o.RetryMinIntervalMs));
            r.Handle<IOException>();
            r.Handle<TimeoutException>();
            r.Handle<HttpRequestException>();
            r.Handle<SqliteException>(IsTransient);
            r.Handle<Npgsql.NpgsqlException>(e => e.IsTransient);
            r.Handle<RequestTimeoutException>();
            r.Handle<MassTransitException>(e => e is not MessageDataException);
        });
        endpoint.UseInMemoryOutbox(context);
    }

    // SQLITE_BUSY and SQLITE_LOCKED clear by themselves; every other SQLite error would repeat.
    private static bool IsTransient(SqliteException e) => e.SqliteErrorCode is 5 or 6;
}
