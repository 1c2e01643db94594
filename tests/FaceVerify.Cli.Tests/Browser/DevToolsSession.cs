using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace FaceVerify.Cli.Tests.Browser;

/// <summary>A minimal Chrome DevTools protocol client: commands by id, events kept in order of arrival.</summary>
internal sealed class DevToolsSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<(string Method, JsonElement Params)> _events = [];
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;
    private int _lastId;

    public static async Task<DevToolsSession> ConnectAsync(Uri webSocket, CancellationToken cancellationToken)
    {
        var session = new DevToolsSession();
        session._socket.Options.Proxy = null;
        await session._socket.ConnectAsync(webSocket, cancellationToken);
        session._receiving = session.ReceiveAsync(session._closing.Token);
        return session;
    }

    /// <summary>Events received so far, e.g. every <c>Network.requestWillBeSent</c>.</summary>
    public IReadOnlyList<(string Method, JsonElement Params)> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    public async Task<JsonElement> SendAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _lastId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }

    /// <summary>Waits until an event of this name arrives after the first <paramref name="skip"/> events.</summary>
    public async Task WaitForEventAsync(string method, int skip, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!Events.Skip(skip).Any(e => e.Method == method))
            await Task.Delay(50, timeout.Token);
    }

    /// <summary>Evaluates an expression in the page and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var reply = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true }, cancellationToken);
        if (reply.TryGetProperty("exceptionDetails", out var error)) throw new InvalidOperationException($"page script failed: {error}");
        return reply.GetProperty("result").GetProperty("value");
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var chunk = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (chunk.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, chunk.Count);
                if (!chunk.EndOfMessage) continue;
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement);
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing, or the browser went away: callers time out or fail on their own reply.
        }
        foreach (var reply in _pending.Values) reply.TrySetException(new InvalidOperationException("the DevTools connection closed"));
    }

    private void Dispatch(JsonElement root)
    {
        if (root.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
        {
            if (root.TryGetProperty("error", out var error)) reply.TrySetException(new InvalidOperationException($"DevTools error: {error}"));
            else reply.TrySetResult(root.GetProperty("result").Clone());
        }
        else if (root.TryGetProperty("method", out var method))
        {
            var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
            lock (_events) _events.Add((method.GetString()!, parameters));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try { await _receiving; }
        catch (OperationCanceledException) { }
        _socket.Abort();
        _socket.Dispose();
        _closing.Dispose();
    }
}
