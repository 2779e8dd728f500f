namespace Flux.CommandLine;

/// <summary>A command cannot go on: its message is the one line the user sees on standard error, and it names the fix.</summary>
/// <param name="exitCode">The exit code it ends the command with (see <see cref="FluxExitCode"/>).</param>
/// <param name="message">What is wrong and how to fix it.</param>
internal sealed class CommandLineError(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CommandLineError BadInput(string message) => new(FluxExitCode.BadInput, message);
}
