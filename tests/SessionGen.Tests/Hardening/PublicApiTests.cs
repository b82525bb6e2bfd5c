using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace SessionGen.Tests.Hardening;

/// <summary>
/// The public API speaks SessionGen's own types (issue #17.4): no Newtonsoft or Nethereum type appears in any public or
/// protected signature of the runtime, except the one deliberate interop point, Nethereum's JSON-RPC
/// <c>IClient</c> (apps with Nethereum or Web3 plug theirs in; <c>JsonRpc.Connect</c> returns one). Found by reflection,
/// so a new member that leaks such a type fails here.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly Type Interop = typeof(Nethereum.JsonRpc.Client.IClient);

    [Fact]
    public void No_public_signature_mentions_a_Newtonsoft_or_Nethereum_type_but_IClient()
    {
        var leaks = PublicSignatures(typeof(Address).Assembly)
            .SelectMany(s => s.Types.SelectMany(Constituents).Where(IsForeign).Select(t => $"{s.Member}: {t.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(leaks.Count == 0, "Public signatures with Newtonsoft/Nethereum types:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public void The_interop_point_is_there_and_the_check_sees_it()
    {
        // The check above could pass by seeing nothing; it does see IClient where it is meant to be.
        var connect = PublicSignatures(typeof(Address).Assembly).Where(s => s.Member.StartsWith("SessionGen.Transport.JsonRpc.Connect(", StringComparison.Ordinal)).ToList();
        Assert.Contains(connect, s => s.Types.SelectMany(Constituents).Contains(Interop));
        Assert.True(IsForeign(typeof(Newtonsoft.Json.Linq.JObject)));
        Assert.True(IsForeign(typeof(Nethereum.RPC.Eth.DTOs.TransactionReceipt)));
        Assert.False(IsForeign(Interop));
    }

    private static bool IsForeign(Type type) =>
        type != Interop && type.Namespace is { } ns
        && (ns == "Newtonsoft" || ns.StartsWith("Newtonsoft.", StringComparison.Ordinal) || ns == "Nethereum" || ns.StartsWith("Nethereum.", StringComparison.Ordinal));

    /// <summary>A type and what it is made of: generic arguments, element types, generic constraints.</summary>
    private static IEnumerable<Type> Constituents(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var t in Constituents(type.GetElementType()!))
            {
                yield return t;
            }
        }

        if (type.IsGenericParameter)
        {
            foreach (var t in type.GetGenericParameterConstraints())
            {
                yield return t;
            }
        }
        else if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().Where(a => !a.IsGenericParameter).SelectMany(Constituents))
            {
                yield return t;
            }
        }
    }

    /// <summary>Every public or protected member of every visible type, with the types its signature names.</summary>
    private static IEnumerable<(string Member, Type[] Types)> PublicSignatures(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetExportedTypes())
        {
            var name = type.FullName!;
            var heads = new List<Type>(type.GetInterfaces());
            if (type.BaseType is { } baseType)
            {
                heads.Add(baseType);
            }

            heads.AddRange(type.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()));
            yield return (name, heads.ToArray());

            foreach (var member in type.GetMembers(Declared))
            {
                switch (member)
                {
                    case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                        yield return ($"{name}.{f.Name}", [f.FieldType]);
                        break;
                    case PropertyInfo p when p.GetAccessors(nonPublic: true).Any(Visible):
                        yield return ($"{name}.{p.Name}", [p.PropertyType, .. p.GetIndexParameters().Select(i => i.ParameterType)]);
                        break;
                    case EventInfo e when e.AddMethod is { } add && Visible(add):
                        yield return ($"{name}.{e.Name}", [e.EventHandlerType!]);
                        break;
                    case MethodBase m when Visible(m) && !m.IsSpecialName || m is ConstructorInfo && Visible(m):
                        var types = m.GetParameters().Select(p => p.ParameterType).ToList();
                        if (m is MethodInfo method)
                        {
                            types.Add(method.ReturnType);
                            types.AddRange(method.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()));
                        }

                        yield return ($"{name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})", types.ToArray());
                        break;
                }
            }
        }
    }

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;
}
