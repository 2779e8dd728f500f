using Spectre.Console;

namespace Flux.CommandLine;

/// <summary>The commands that describe the program's workflows: <c>workflows</c> and <c>diagram</c>.</summary>
internal static class CatalogCommands
{
    public static async Task<int> WorkflowsAsync(CommandSession session)
    {
        if (session.Json)
        {
            await session.WriteJsonAsync(JsonOutput.Document(w =>
            {
                w.WriteStartArray();
                foreach (var workflow in session.Workflows)
                {
                    JsonOutput.Workflow(w, workflow);
                }

                w.WriteEndArray();
            })).ConfigureAwait(false);
            return FluxExitCode.Succeeded;
        }

        var table = new Table().AddColumns("workflow", "input", "output", "diagram");
        foreach (var workflow in session.Workflows)
        {
            table.AddRow(
                Markup.Escape(workflow.Name),
                Markup.Escape(TypeNames.Of(workflow.InputType)),
                Markup.Escape(TypeNames.Of(workflow.OutputType)),
                workflow.Diagram is null ? "" : "yes");
        }

        session.Output.Write(table);
        return FluxExitCode.Succeeded;
    }

    public static async Task<int> DiagramAsync(CommandSession session, string? workflowName)
    {
        var withDiagrams = string.Join(", ", session.Workflows.Where(w => w.Diagram is not null).Select(w => w.Name));
        if (workflowName is null)
        {
            throw CommandLineError.BadInput($"usage: {session.ProgramName} diagram <workflow>; workflows with a diagram: {withDiagrams}");
        }

        var workflow = session.Workflows.FirstOrDefault(w => w.Name == workflowName)
            ?? throw CommandLineError.BadInput($"Unknown workflow '{workflowName}': workflows with a diagram: {withDiagrams}");
        if (workflow.Diagram is not { } diagram)
        {
            throw new CommandLineError(FluxExitCode.Failed,
                $"Workflow '{workflow.Name}' has no build-time diagram: only graphs known at compile time have one (these do: {withDiagrams}).");
        }

        if (session.Json)
        {
            await session.WriteJsonAsync(JsonOutput.Document(w =>
            {
                w.WriteStartObject();
                w.WriteString("workflow", workflow.Name);
                w.WriteString("diagram", diagram);
                w.WriteEndObject();
            })).ConfigureAwait(false);
        }
        else
        {
            await session.OutputWriter.WriteAsync(diagram).ConfigureAwait(false);
        }

        return FluxExitCode.Succeeded;
    }
}
