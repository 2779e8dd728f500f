using Microsoft.CodeAnalysis;

namespace Flux.Analyzers;

/// <summary>
/// The BCL types the determinism rules (FLUX201-FLUX207) look for, resolved once per compilation. A type the
/// compilation does not reference is null, and nothing is reported about it.
/// </summary>
internal sealed class DeterminismTypes
{
    public DeterminismTypes(Compilation compilation, IAssemblySymbol? flux)
    {
        Flux = flux;
        Source = compilation.Assembly;
        DateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        Environment = compilation.GetTypeByMetadataName("System.Environment");
        Stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
        TimeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        Random = compilation.GetTypeByMetadataName("System.Random");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
        TaskFactoryOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory`1");
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        ThreadPool = compilation.GetTypeByMetadataName("System.Threading.ThreadPool");
        Timer = compilation.GetTypeByMetadataName("System.Threading.Timer");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        Console = compilation.GetTypeByMetadataName("System.Console");
        File = compilation.GetTypeByMetadataName("System.IO.File");
        Directory = compilation.GetTypeByMetadataName("System.IO.Directory");
        FileSystemInfo = compilation.GetTypeByMetadataName("System.IO.FileSystemInfo");
        FileStream = compilation.GetTypeByMetadataName("System.IO.FileStream");
        StreamReader = compilation.GetTypeByMetadataName("System.IO.StreamReader");
        StreamWriter = compilation.GetTypeByMetadataName("System.IO.StreamWriter");
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        HttpMessageInvoker = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageInvoker");
        Socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
        TcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
        UdpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.UdpClient");
        WebClient = compilation.GetTypeByMetadataName("System.Net.WebClient");
        WebRequest = compilation.GetTypeByMetadataName("System.Net.WebRequest");
    }

    /// <summary>Flux.Runtime: a task its methods return comes from Flux's patterns.</summary>
    public IAssemblySymbol? Flux { get; }

    /// <summary>The assembly being compiled: its static state is the user's.</summary>
    public IAssemblySymbol Source { get; }

    public INamedTypeSymbol DateTime { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? Environment { get; }
    public INamedTypeSymbol? Stopwatch { get; }
    public INamedTypeSymbol? TimeProvider { get; }
    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? Random { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskFactory { get; }
    public INamedTypeSymbol? TaskFactoryOfT { get; }
    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? ThreadPool { get; }
    public INamedTypeSymbol? Timer { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? Console { get; }
    public INamedTypeSymbol? File { get; }
    public INamedTypeSymbol? Directory { get; }
    public INamedTypeSymbol? FileSystemInfo { get; }
    public INamedTypeSymbol? FileStream { get; }
    public INamedTypeSymbol? StreamReader { get; }
    public INamedTypeSymbol? StreamWriter { get; }
    public INamedTypeSymbol? HttpClient { get; }
    public INamedTypeSymbol? HttpMessageInvoker { get; }
    public INamedTypeSymbol? Socket { get; }
    public INamedTypeSymbol? TcpClient { get; }
    public INamedTypeSymbol? UdpClient { get; }
    public INamedTypeSymbol? WebClient { get; }
    public INamedTypeSymbol? WebRequest { get; }

    /// <summary>Whether <paramref name="type"/> is <paramref name="expected"/> (compared by definition: <c>TaskFactory&lt;T&gt;</c> is one type).</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>Whether <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
    public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        for (var current = type; expected is not null && current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A method of Flux.Runtime, or of a generated handle (a type deriving from one of Flux's).</summary>
    public bool IsFluxMethod(IMethodSymbol method)
    {
        if (Flux is null)
        {
            return false;
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, Flux))
            {
                return true;
            }
        }

        return false;
    }
}
