using MassTransit;

namespace FaceVerify.BusClient;

/// <summary>
/// Publishes with bounded retries: while the broker restarts a publish fails or hangs, and the
/// request must still go out. A retried publish may arrive twice; the worker's records absorb that.
/// </summary>
public sealed class ResilientPublisher(IPublishEndpoint bus, int maxAttempts = 40, TimeSpan? attemptTimeout = null)
{
    private readonly TimeSpan _attemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10);

    public async Task PublishAsync<T>(T message, CancellationToken cancellationToken) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_attemptTimeout);
            try
            {
                await bus.Publish(message, timeout.Token);
                return;
            }
            catch (Exception e) when (attempt < maxAttempts && !cancellationToken.IsCancellationRequested
                                      && e is MassTransitException or OperationCanceledException or IOException or TimeoutException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * attempt)), cancellationToken);
            }
        }
    }
}
