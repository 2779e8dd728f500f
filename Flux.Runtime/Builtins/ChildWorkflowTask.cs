using System.Globalization;
using System.Text;

namespace Flux;

/// <summary>
/// A child workflow as a call of its parent: <c>call:{workflow}</c>. Its body runs the child as an execution of its
/// own, with the id <c>{parent execution id}-{XXH64 of the call's id text:x16}</c>, in the parent's store (a durable
/// parent) or in memory (a transient one). The parent records this one call and replays its result; a resumed parent
/// whose child did not finish resumes the child by that id (a child that paused gets the parent's resume value).
/// </summary>
internal sealed class ChildWorkflowTask<TInput, TOutput>(WorkflowHandle<TInput, TOutput> workflow)
    : BuiltinTask<TInput, TOutput>("call:" + workflow.Name, typeof(TInput))
{
    protected override void WriteFingerprint(ref FingerprintWriter writer, TInput arguments) => writer.Write(InputFingerprint(arguments));

    /// <summary>
    /// The fingerprint of the input: its exact encoding when Flux has one for the type; otherwise, in an execution that
    /// serializes, the hash of its JSON.
    /// </summary>
    private ulong InputFingerprint(TInput input)
    {
        try
        {
            var exact = default(FingerprintWriter);
            exact.Write(input);
            return exact.GetFingerprint();
        }
        catch (FingerprintException) when (ExecutionContext.Current?.Json is { } json)
        {
            var info = PayloadJson.TypeInfo<TInput>(json, () => $"Workflow '{workflow.Name}' takes as input");
            var hash = default(XxHash64);
            hash.Append(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(input, info));
            return hash.Digest();
        }
        catch (FingerprintException error)
        {
            throw new FingerprintException(
                $"Child workflow '{workflow.Name}' cannot be called with this input: {error.Message} Or run the parent with RunOptions.Json, whose JSON of the input then identifies the call.",
                error.ValueType,
                error);
        }
    }

    /// <summary>The id of the child execution a call makes.</summary>
    public static string ChildId(string parentExecutionId, string callId)
    {
        var hash = default(XxHash64);
        hash.Append(Encoding.UTF8.GetBytes(callId));
        return string.Create(CultureInfo.InvariantCulture, $"{parentExecutionId}-{hash.Digest():x16}");
    }

    protected override async ValueTask<TOutput> InvokeAsync(TInput arguments, CancellationToken cancellationToken)
    {
        var call = Scope.Current as CallScope;
        if (call?.Execution is not { } parent)
        {
            // Outside a workflow the child is a workflow of its own.
            return (await workflow.RunAsync(arguments, cancellationToken).ConfigureAwait(false)).GetOutputOrThrow();
        }

        var childId = ChildId(parent.ExecutionId, call.IdText);
        var options = parent.Options with
        {
            ExecutionId = childId,
            Parent = (parent.ExecutionId, call.IdText),
            TimeProvider = parent.TimeProvider,
            Cache = parent.Cache,
        };

        ExecutionContext<TInput, TOutput> child;
        if (parent.Store is { } store)
        {
            var record = await store.GetAsync(childId, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                child = await workflow.RunAsync(arguments, options, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var resume = record.State == ExecutionState.Paused ? parent.TakeResumeValue() ?? ResumeValue.None : ResumeValue.None;
                child = await workflow.ResumeChildAsync(childId, resume, options, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (parent.TakePausedChild(childId) is ExecutionContext<TInput, TOutput> paused)
        {
            child = await workflow.ResumeChildInProcessAsync(paused, parent.TakeResumeValue() ?? ResumeValue.None, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            child = await workflow.RunAsync(arguments, options, cancellationToken).ConfigureAwait(false);
        }

        switch (child.State)
        {
            case ExecutionState.Succeeded:
                return child.Output!;
            case ExecutionState.Paused:
                // The parent pauses with its child; resuming the parent resumes the child with the same value.
                if (parent.Store is null)
                {
                    parent.KeepPausedChild(child);
                }

                parent.Halt(new PauseRequestedException(child.PausedAt!));
                throw new PauseRequestedException(child.PausedAt!);
            case ExecutionState.Cancelled:
                throw new OperationCanceledException(
                    $"Child workflow '{workflow.Name}' (execution {childId}) was cancelled.", child.Error, cancellationToken.IsCancellationRequested ? cancellationToken : default);
            default:
                throw new WorkflowFailedException(workflow.Name, childId, child.Error ?? new InvalidOperationException($"Child execution {childId} ended {child.State}."));
        }
    }
}
