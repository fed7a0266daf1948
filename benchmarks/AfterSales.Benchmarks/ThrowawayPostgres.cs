using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AfterSales.Benchmarks;

/// <summary>
/// A private PostgreSQL cluster in a temporary directory on a free loopback port, removed on dispose.
/// No service manager starts PostgreSQL on these machines, so the benchmark runs initdb and pg_ctl itself,
/// as the postgres user when it runs as root. Durability stays on (fsync, synchronous commit): figures must be honest.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;

    private ThrowawayPostgres(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=aftersales_bench;Pooling=true;Maximum Pool Size=20";

    private string DataDirectory => Path.Combine(_root, "data");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = FindBinDirectory();
        var root = Directory.CreateTempSubdirectory("aftersales-bench-pg-").FullName;
        var cluster = new ThrowawayPostgres(bin, root, FreePort());
        try
        {
            if (RunsAsRoot)
            {
                await RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
            }

            await cluster.PgAsync("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]);
            await cluster.PgAsync("pg_ctl", [
                "-D", cluster.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "30",
                "-o", $"-c listen_addresses=127.0.0.1 -p {cluster.Port} -k {root}", "start"]);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await PgAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);
        }

        Directory.Delete(_root, recursive: true);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private Task PgAsync(string tool, string[] args) => RunAsync(Path.Combine(_bin, tool), args, asPostgres: RunsAsRoot);

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static string FindBinDirectory()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault();
        return bin ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql), or pass --postgres \"<connection string>\".");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
