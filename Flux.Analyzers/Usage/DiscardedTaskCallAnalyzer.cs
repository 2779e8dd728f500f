using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flux.Analyzers;

/// <summary>
/// FLUX302: a <c>TaskCall</c> that is created and dropped, so its task never runs: an expression statement whose value is a
/// TaskCall (<c>SayHiTask.Call("x");</c>, also <c>_ = ...</c>), or a local initialized with a TaskCall and never referenced again.
/// The local check is deliberately flow-free: any later reference counts as a use.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DiscardedTaskCallAnalyzer : FluxAnalyzer
{
    private const int MaxShownExpressionLength = 60;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DiscardedTaskCall);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        if (known.TaskCall is null && known.NonGenericTaskCall is null)
        {
            return;
        }

        context.RegisterOperationAction(c => AnalyzeExpressionStatement(c, known), OperationKind.ExpressionStatement);
        context.RegisterOperationBlockAction(c => AnalyzeLocals(c, known));
    }

    private static void AnalyzeExpressionStatement(OperationAnalysisContext context, KnownFluxTypes known)
    {
        var value = ((IExpressionStatementOperation)context.Operation).Operation;
        if (value is ISimpleAssignmentOperation { Target: IDiscardOperation } discard)
        {
            value = discard.Value;
        }
        else if (value is IAssignmentOperation or IIncrementOrDecrementOperation)
        {
            // The TaskCall is stored somewhere: not this rule's business.
            return;
        }

        if (known.IsTaskCall(value.Type))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DiscardedTaskCall,
                value.Syntax.GetLocation(),
                "The TaskCall '" + Shorten(value.Syntax.ToString()) + "'"));
        }
    }

    private static void AnalyzeLocals(OperationBlockAnalysisContext context, KnownFluxTypes known)
    {
        // Runs for every body: walk its operations only when its syntax declares a local with an initializer.
        if (!DeclaresInitializedLocal(context.OperationBlocks))
        {
            return;
        }

        List<IVariableDeclaratorOperation>? candidates = null;
        HashSet<ILocalSymbol>? referenced = null;
        foreach (var block in context.OperationBlocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: not null } declarator when known.IsTaskCall(declarator.Symbol.Type):
                        (candidates ??= new List<IVariableDeclaratorOperation>()).Add(declarator);
                        break;
                    case ILocalReferenceOperation reference:
                        (referenced ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(reference.Local);
                        break;
                }
            }
        }

        if (candidates is null)
        {
            return;
        }

        foreach (var declarator in candidates)
        {
            if (referenced is null || !referenced.Contains(declarator.Symbol))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DiscardedTaskCall,
                    declarator.Initializer!.Value.Syntax.GetLocation(),
                    "The TaskCall stored in local '" + declarator.Symbol.Name + "'"));
            }
        }
    }

    private static bool DeclaresInitializedLocal(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var node in block.Syntax.DescendantNodesAndSelf())
            {
                if (node is VariableDeclaratorSyntax { Initializer: not null })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Shorten(string text)
    {
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length <= MaxShownExpressionLength ? text : text.Substring(0, MaxShownExpressionLength - 3) + "...";
    }
}
