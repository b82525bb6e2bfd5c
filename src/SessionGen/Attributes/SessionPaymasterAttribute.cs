using System;

namespace SessionGen;

/// <summary>
/// The session's operations may have their gas paid by an ERC-4337 paymaster (the app sponsors them, the account needs
/// no ETH): the generated session sets <c>permitERC4337Paymaster</c>, without which the current SmartSession module
/// refuses a session operation that carries <c>paymasterAndData</c> (<c>PaymasterValidationNotEnabled</c>).
/// </summary>
/// <remarks>
/// Only the current module generation has the field; a session with it cannot be encoded for the legacy module, which does
/// not look at paymasters at all (it neither requires nor refuses one).
/// </remarks>
/// <example><code>[SessionPaymaster]</code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SessionPaymasterAttribute : Attribute
{
}
