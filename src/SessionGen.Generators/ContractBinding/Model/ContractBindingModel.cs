using SessionGen.Generators.Abi;
using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.ContractBinding.Model;

/// <summary>Everything the emitter needs to write one binding; names are already chosen and checked for collisions.</summary>
/// <param name="Type">The bound class.</param>
/// <param name="AbiPath">The ABI path as given to the attribute (quoted in docs).</param>
/// <param name="Members">What the ABI binds to: functions, errors, structs and events with their C# names.</param>
/// <param name="ValueTypes">How the structs and records are declared, after the project's C# version and framework (<see cref="GeneratedCodeLanguage"/>).</param>
internal sealed record ContractBindingModel(
    TypeHierarchy Type,
    string AbiPath,
    BoundAbi Members,
    ValueTypeDeclaration ValueTypes = ValueTypeDeclaration.Records)
{
    /// <summary>The functions to bind, with their C# names.</summary>
    public EquatableArray<BoundFunction> Functions => Members.Functions;

    /// <summary>The custom errors, with their C# names.</summary>
    public EquatableArray<BoundError> Errors => Members.Errors;

    /// <summary>One record struct per distinct ABI tuple.</summary>
    public EquatableArray<BoundStruct> Structs => Members.Structs;

    /// <summary>The events, each with its record.</summary>
    public EquatableArray<BoundEvent> Events => Members.Events;
}

/// <summary>
/// The members an ABI binds to, with their C# names. They depend on the ABI and, only through name collisions, on the
/// class's name: classes bound to the same file usually share one instance (<see cref="ContractBinder.Bind"/>).
/// </summary>
/// <param name="Functions">The functions to bind, with their C# names.</param>
/// <param name="Errors">The custom errors, with their C# names.</param>
/// <param name="Structs">One record struct per distinct ABI tuple.</param>
/// <param name="Events">The events, each with its record.</param>
internal sealed record BoundAbi(
    EquatableArray<BoundFunction> Functions,
    EquatableArray<BoundError> Errors,
    EquatableArray<BoundStruct> Structs,
    EquatableArray<BoundEvent> Events);

/// <summary>A function with the C# names of its selector constant, its call/calldata builders and its parameters.</summary>
/// <param name="Abi">The ABI function.</param>
/// <param name="SelectorName">Its constant in <c>Selectors</c> (signature-suffixed when the ABI name is overloaded).</param>
/// <param name="MethodName">Its builder methods' name (a C# overload where the parameter types differ, else suffixed).</param>
/// <param name="Parameters">One per ABI input.</param>
/// <param name="ContractParameterName">The Call builder's target parameter (<c>contract</c> unless an input has that name).</param>
/// <param name="ValueParameterName">The payable Call builder's native-value parameter (<c>value</c> unless an input has that name).</param>
/// <param name="DestinationParameterName">The span form's buffer parameter (<c>destination</c> unless an input has that name).</param>
/// <param name="Outputs">The return values as members of the result (PascalCase, unique), in order.</param>
/// <param name="ResultType">The C# type the return data decodes to: the single output's type, or <paramref name="ResultRecordName"/>; null without outputs.</param>
/// <param name="ResultRecordName">The record generated for two or more outputs; null otherwise.</param>
/// <param name="ClientParameterName">The read helper's JSON-RPC client parameter (<c>client</c> unless an input has that name).</param>
/// <param name="CancellationParameterName">The read helper's cancellation parameter (<c>cancellationToken</c> unless an input has that name).</param>
internal sealed record BoundFunction(
    AbiFunctionModel Abi,
    string SelectorName,
    string MethodName,
    EquatableArray<BoundParameter> Parameters,
    string ContractParameterName,
    string ValueParameterName,
    string DestinationParameterName,
    EquatableArray<BoundParameter> Outputs,
    string? ResultType,
    string? ResultRecordName,
    string ClientParameterName,
    string CancellationParameterName)
{
    /// <summary>Whether the binding has an <c>eth_call</c> helper for it: a <c>view</c> or <c>pure</c> function that returns something.</summary>
    public bool HasRead => Abi.IsReadOnly && ResultType is not null;
}

/// <summary>A custom error with the C# name of its selector constant and of its record.</summary>
/// <param name="Abi">The ABI error.</param>
/// <param name="SelectorName">Its constant in <c>ErrorSelectors</c>.</param>
/// <param name="RecordName">The record its revert data decodes to (<c>InsufficientBalanceError</c>).</param>
/// <param name="Members">The record's members (PascalCase, unique), one per input.</param>
internal sealed record BoundError(AbiErrorModel Abi, string SelectorName, string RecordName, EquatableArray<BoundParameter> Members);

/// <summary>An event with its record.</summary>
/// <param name="Abi">The ABI event.</param>
/// <param name="RecordName">The record a log decodes to (<c>TransferEvent</c>).</param>
/// <param name="Members">The record's members, one per input; an indexed dynamic value (string, bytes, array, tuple) is its Keccak-256 hash (<c>Bytes32</c>).</param>
internal sealed record BoundEvent(AbiEventModel Abi, string RecordName, EquatableArray<BoundEventMember> Members)
{
    /// <summary>The size of the head of the log's data (the non-indexed inputs).</summary>
    public int DataHeadSize
    {
        get
        {
            var size = 0;
            foreach (var member in Members)
            {
                size += member.TopicIndex < 0 ? member.Member.Abi.TypeInfo.HeadSize : 0;
            }

            return size;
        }
    }

    /// <summary>How many topics a log of this event has (the signature's, unless anonymous, and one per indexed input).</summary>
    public int TopicCount
    {
        get
        {
            var count = Abi.IsAnonymous ? 0 : 1;
            foreach (var member in Members)
            {
                count += member.TopicIndex >= 0 ? 1 : 0;
            }

            return count;
        }
    }
}

/// <summary>A member of an event record.</summary>
/// <param name="Member">Its name, C# type and ABI parameter.</param>
/// <param name="TopicIndex">The topic that holds it (1 for the first indexed input of a non-anonymous event), or -1 when it is in the data.</param>
/// <param name="IsHashed">Whether the topic is the value's Keccak-256 hash rather than the value (indexed dynamic types, tuples and arrays).</param>
internal sealed record BoundEventMember(BoundParameter Member, int TopicIndex, bool IsHashed);

/// <summary>A function parameter or struct member with its C# name and type.</summary>
/// <param name="Abi">The ABI parameter.</param>
/// <param name="Name">The C# identifier (keywords escaped with <c>@</c>).</param>
/// <param name="CSharpType">The C# type, <c>global::</c>-qualified (or a nested struct's simple name).</param>
internal sealed record BoundParameter(AbiParameterModel Abi, string Name, string CSharpType);

/// <summary>A record struct generated for an ABI tuple.</summary>
/// <param name="Name">The struct's name (from Solidity's internalType, else from where it is used).</param>
/// <param name="CanonicalType">The tuple's canonical type, e.g. <c>(address,uint256)</c>.</param>
/// <param name="InternalType">Solidity's struct name, when known.</param>
/// <param name="Members">The positional members (PascalCase properties).</param>
internal sealed record BoundStruct(string Name, string CanonicalType, string? InternalType, EquatableArray<BoundParameter> Members);
