using System.Net;
using System.Net.Sockets;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// A mail server that accepts connections and never says a word: a client waits for its greeting until it gives
/// up, which is how a slow or stuck relay looks from the service.
/// </summary>
internal sealed class SilentSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private int connections;

    public SilentSmtpServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many times the service tried to deliver.</summary>
    public int Connections => Volatile.Read(ref connections);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        held.ForEach(c => c.Dispose());
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            held.Add(await listener.AcceptTcpClientAsync(stopping.Token));
            Interlocked.Increment(ref connections);
        }
    }
}
