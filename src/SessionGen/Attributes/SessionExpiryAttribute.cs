using System;

namespace SessionGen;

/// <summary>
/// Limits how long the session is valid (time-frame policy): from <c>now</c> plus
/// <see cref="StartsAfterMinutes"/> until that start plus <see cref="Days"/> + <see cref="Hours"/> +
/// <see cref="Minutes"/>. A session without an expiry is valid forever; analyzer SESSGEN202 warns about it.
/// </summary>
/// <example><code>[SessionExpiry(Days = 7)]</code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SessionExpiryAttribute : Attribute
{
    /// <summary>Days of validity.</summary>
    public int Days { get; set; }

    /// <summary>Hours of validity, added to <see cref="Days"/>.</summary>
    public int Hours { get; set; }

    /// <summary>Minutes of validity, added to <see cref="Days"/> and <see cref="Hours"/>.</summary>
    public int Minutes { get; set; }

    /// <summary>How many minutes after the session is created it becomes usable (0: immediately).</summary>
    public int StartsAfterMinutes { get; set; }
}
