using Auth.Domain.Users;
using BenchmarkDotNet.Attributes;

namespace Auth.Benchmarks;

/// <summary>The comparison key and syntax check every signup and login computes.</summary>
[MemoryDiagnoser]
public class EmailBenchmarks
{
    [Params(" Ada.Lovelace@Example.COM ", "ada@example.com")]
    public string Address { get; set; } = "";

    [Benchmark]
    public string Normalize() => Email.Normalize(Address);

    [Benchmark]
    public bool IsWellFormed() => Email.IsWellFormed(Address);
}
