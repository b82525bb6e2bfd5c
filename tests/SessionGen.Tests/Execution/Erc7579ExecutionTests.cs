using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using SessionGen.Execution;
using SessionGen.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Tests.Execution;

public class Erc7579ExecutionTests
{
    [Fact]
    public void Encodes_execute_like_viem_and_nethereum()
    {
        using var json = NodeVectors.Run("exec-vectors.mjs", "5", "1200");
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToArray();
        Assert.True(cases.Length >= 1200);
        foreach (var vector in cases)
        {
            var kind = vector.Text("kind");
            var execType = (ExecType)vector.GetProperty("execType").GetInt32();
            var calls = vector.GetProperty("calls").EnumerateArray()
                .Select(c => new Call(c.Addr("target"), c.Big("value"), c.Bytes("data"))).ToList();
            var callType = kind switch { "single" => CallType.Single, "batch" => CallType.Batch, _ => CallType.DelegateCall };
            var mode = new ExecutionMode(callType, execType, Convert.ToUInt32(vector.Text("modeSelector"), 16), vector.Bytes("payload"));
            Assert.Equal(vector.Text("mode"), mode.ToString());

            var executionCalldata = kind switch
            {
                "single" => Erc7579Execution.EncodeSingle(calls[0]),
                "batch" => Erc7579Execution.EncodeBatch(calls),
                _ => [.. calls[0].Target.ToArray(), .. calls[0].Data.Span],
            };
            Assert.Equal(vector.Text("executionCalldata"), Hex.Encode(executionCalldata));

            var calldata = vector.GetProperty("custom").GetBoolean()
                ? Erc7579Execution.EncodeExecute(mode, executionCalldata)
                : kind switch
                {
                    "single" => Erc7579Execution.EncodeExecute(calls[0], execType),
                    "batch" => Erc7579Execution.EncodeExecuteBatch(calls, execType),
                    _ => Erc7579Execution.EncodeExecuteDelegateCall(calls[0].Target, calls[0].Data.Span, execType),
                };
            Assert.Equal(vector.Text("calldata"), Hex.Encode(calldata));

            var nethereum = new ExecuteFunction { Mode = mode.ToBytes32().ToArray(), ExecutionCalldata = executionCalldata }.GetCallData();
            Assert.Equal(Hex.Encode(nethereum), Hex.Encode(calldata));
            if (kind == "batch")
            {
                var executions = calls.Select(c => new ExecutionStruct { Target = c.Target.ToLowerHex(), Value = c.Value, CallData = c.Data.ToArray() }).ToList();
                Assert.Equal(Hex.Encode(new ABIEncode().GetABIParamsEncoded(new BatchParameters { Executions = executions })), Hex.Encode(executionCalldata));
            }
        }
    }

    [Fact]
    public void Modes_read_back_their_parts()
    {
        var payload = Enumerable.Range(1, 22).Select(i => (byte)i).ToArray();
        var mode = new ExecutionMode(CallType.Batch, ExecType.Try, 0xdeadbeef, payload);
        Assert.Equal(CallType.Batch, mode.CallType);
        Assert.Equal(ExecType.Try, mode.ExecType);
        Assert.Equal(0xdeadbeefu, mode.ModeSelector);
        Assert.Equal(payload, mode.GetPayload());
        Assert.Equal(mode, ExecutionMode.FromBytes32(mode.ToBytes32()));
        Assert.Equal("0x0000000000000000000000000000000000000000000000000000000000000000", ExecutionMode.Single.ToString());
        Assert.Equal("0x0100000000000000000000000000000000000000000000000000000000000000", ExecutionMode.Batch.ToString());
        Assert.Equal("0xff00000000000000000000000000000000000000000000000000000000000000", ExecutionMode.DelegateCall.ToString());
        Assert.Equal(Selector.FromSignature("execute(bytes32,bytes)"), Erc7579Execution.ExecuteSelector);
    }

    [Fact]
    public void Rejects_bad_input_naming_it()
    {
        Assert.Equal("payload", Assert.Throws<ArgumentException>(() => new ExecutionMode(CallType.Single, payload: new byte[23])).ParamName);
        Assert.Equal("calls", Assert.Throws<ArgumentException>(() => Erc7579Execution.EncodeBatch([])).ParamName);
        var negative = new Call(Address.Zero, -1, default);
        Assert.Equal("call.Value", Assert.Throws<ArgumentOutOfRangeException>(() => Erc7579Execution.EncodeExecute(negative)).ParamName);
        var huge = new Call(Address.Zero, BigInteger.One << 256, default);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Erc7579Execution.EncodeBatch([Call.To(Address.Zero, default), huge]));
        Assert.Equal("calls[1].Value", ex.ParamName);
    }

    [Function("execute")]
    private sealed class ExecuteFunction : FunctionMessage
    {
        [Parameter("bytes32", "mode", 1)]
        public byte[] Mode { get; set; } = [];

        [Parameter("bytes", "executionCalldata", 2)]
        public byte[] ExecutionCalldata { get; set; } = [];
    }

    private sealed class ExecutionStruct
    {
        [Parameter("address", "target", 1)]
        public string Target { get; set; } = "";

        [Parameter("uint256", "value", 2)]
        public BigInteger Value { get; set; }

        [Parameter("bytes", "callData", 3)]
        public byte[] CallData { get; set; } = [];
    }

    private sealed class BatchParameters
    {
        [Parameter("tuple[]", "executions", 1)]
        public List<ExecutionStruct> Executions { get; set; } = [];
    }
}
