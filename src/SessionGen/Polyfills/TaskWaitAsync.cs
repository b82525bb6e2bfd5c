#if !NET8_0_OR_GREATER
using System.Threading;
using System.Threading.Tasks;

namespace SessionGen;

/// <summary>
/// <c>Task&lt;T&gt;.WaitAsync(CancellationToken)</c> (.NET 6) for netstandard2.1: the task's own result or exception, or a
/// <see cref="TaskCanceledException"/> carrying the token as soon as it is cancelled (the task
/// itself goes on), as .NET's does.
/// </summary>
internal static class TaskWaitAsync
{
    public static async Task<T> WaitAsync<T>(this Task<T> task, CancellationToken cancellationToken)
    {
        if (!task.IsCompleted && cancellationToken.CanBeCanceled)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new TaskCanceledException(null, null, cancellationToken);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new TaskCanceledException(null, null, cancellationToken);
                }
            }
        }

        return await task.ConfigureAwait(false);
    }
}
#endif
