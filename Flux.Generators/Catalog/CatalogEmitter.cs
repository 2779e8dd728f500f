using Flux.Generators.Writing;
using Flux.Shared.Declarations;
using Flux.Shared.Naming;

namespace Flux.Generators.Catalog;

/// <summary>Writes <c>FluxCatalog.g.cs</c>: every workflow and task of the assembly by name.</summary>
internal static class CatalogEmitter
{
    public static string Emit(CatalogModel catalog)
    {
        var writer = new SourceWriter();
        GeneratedCode.WriteHeader(writer, catalog.Namespace);
        writer.WriteLine("""
            /// <summary>
            /// Every Flux workflow and task of this assembly, by name, so that a host or a tool can run them without reflection.
            /// Instance workflows are described in <see cref="Descriptors"/> (bound to an instance of their class); instance
            /// tasks appear in the names only.
            /// </summary>
            """);
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine("internal static class " + GeneratedNames.Catalog);
        writer.OpenBlock();

        WriteHandles(writer, "workflows", "global::Flux.WorkflowHandle", "Workflows", catalog.Workflows);
        writer.WriteLine();
        WriteDescriptors(writer, catalog);
        writer.WriteLine();
        WriteHandles(writer, "tasks", "global::Flux.TaskHandle", "Tasks", catalog.Tasks);
        writer.WriteLine();
        WriteNames(writer, "workflow", "WorkflowNames", catalog.WorkflowNames);
        writer.WriteLine();
        WriteNames(writer, "task", "TaskNames", catalog.TaskNames);
        writer.WriteLine();
        WriteTryGet(writer, "workflow", "global::Flux.WorkflowHandle", "TryGetWorkflow", catalog.Workflows);
        writer.WriteLine();
        WriteTryGet(writer, "task", "global::Flux.TaskHandle", "TryGetTask", catalog.Tasks);

        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteHandles(SourceWriter writer, string noun, string type, string property, EquatableArray<CatalogEntry> entries)
    {
        writer.WriteLine("/// <summary>The static " + noun + " of this assembly, sorted by name.</summary>");
        if (entries.IsEmpty)
        {
            writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + type + "> " + property + " { get; } = global::System.Array.Empty<" + type + ">();");
            return;
        }

        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + type + "> " + property + " { get; } = new " + type + "[]");
        writer.OpenBlock();
        foreach (var entry in entries)
        {
            writer.WriteLine(entry.Access + ",");
        }

        writer.CloseBlock(";");
    }

    /// <summary>
    /// <c>Descriptors</c>: a static workflow described by its handle, an instance workflow by its types, its class, and how
    /// an instance gives its handle; each with its diagram and the assembly's JSON options (<c>FluxJsonContext</c>).
    /// </summary>
    private static void WriteDescriptors(SourceWriter writer, CatalogModel catalog)
    {
        const string Descriptor = "global::Flux.WorkflowDescriptor";
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Every workflow of this assembly, static and instance, sorted by name, as a host or a <see cref=\"global::Flux.FluxClient\"/>");
        writer.WriteLine("/// runs it: an instance workflow runs on the instance given to <see cref=\"global::Flux.WorkflowDescriptor.Bind\"/>.");
        writer.WriteLine("/// </summary>");
        if (catalog.Descriptors.IsEmpty)
        {
            writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + Descriptor + "> Descriptors { get; } = global::System.Array.Empty<" + Descriptor + ">();");
            return;
        }

        var json = catalog.JsonContext is { } context ? context + ".Default.Options" : null;
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + Descriptor + "> Descriptors { get; } = new " + Descriptor + "[]");
        writer.OpenBlock();
        foreach (var entry in catalog.Descriptors)
        {
            var workflow = entry.Workflow!;
            if (workflow.IsStatic)
            {
                writer.WriteLine(Descriptor + ".For(" + entry.Access + (json is null ? string.Empty : ", " + json) + "),");
                continue;
            }

            var arguments = new System.Collections.Generic.List<string>
            {
                GeneratedCode.Literal(entry.RuntimeName),
                "typeof(" + workflow.InputType + ")",
                "typeof(" + workflow.OutputType + ")",
                "static instance => ((" + entry.TypeKey + ")instance!)." + workflow.Property,
                "typeof(" + entry.TypeKey + ")",
            };
            if (workflow.Diagram is { } diagram)
            {
                arguments.Add(diagram);
            }

            writer.WriteLine("new(");
            writer.Indent();
            for (var i = 0; i < arguments.Count; i++)
            {
                writer.WriteLine(arguments[i] + (i < arguments.Count - 1 ? "," : json is null ? ")," : ")"));
            }

            writer.Unindent();
            if (json is not null)
            {
                writer.OpenBlock();
                writer.WriteLine("Json = " + json + ",");
                writer.CloseBlock(",");
            }
        }

        writer.CloseBlock(";");
    }

    private static void WriteNames(SourceWriter writer, string noun, string property, EquatableArray<string> names)
    {
        writer.WriteLine("/// <summary>The name of every " + noun + " of this assembly, instance " + noun + "s included, sorted.</summary>");
        if (names.IsEmpty)
        {
            writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<string> " + property + " { get; } = global::System.Array.Empty<string>();");
            return;
        }

        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<string> " + property + " { get; } = new string[]");
        writer.OpenBlock();
        foreach (var name in names)
        {
            writer.WriteLine(GeneratedCode.Literal(name) + ",");
        }

        writer.CloseBlock(";");
    }

    private static void WriteTryGet(SourceWriter writer, string noun, string type, string method, EquatableArray<CatalogEntry> entries)
    {
        writer.WriteLine("/// <summary>Finds the static " + noun + " named <paramref name=\"name\"/>.</summary>");
        writer.WriteLine("/// <param name=\"name\">The " + noun + "'s name, as events show it.</param>");
        writer.WriteLine("/// <param name=\"" + noun + "\">The " + noun + ", or null when this assembly has no static " + noun + " of that name.</param>");
        writer.WriteLine("/// <returns>True when the " + noun + " was found.</returns>");
        writer.WriteLine("public static bool " + method + "(string name, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + type + "? " + noun + ")");
        writer.OpenBlock();
        if (entries.IsEmpty)
        {
            writer.WriteLine(noun + " = null;");
            writer.WriteLine("return false;");
        }
        else
        {
            writer.WriteLine(noun + " = name switch");
            writer.OpenBlock();
            var written = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                // Two with one name (FLUX107): the first in the catalog's order answers.
                if (written.Add(entry.RuntimeName))
                {
                    writer.WriteLine(GeneratedCode.Literal(entry.RuntimeName) + " => " + entry.Access + ",");
                }
            }

            writer.WriteLine("_ => null,");
            writer.CloseBlock(";");
            writer.WriteLine("return " + noun + " is not null;");
        }

        writer.CloseBlock();
    }
}
