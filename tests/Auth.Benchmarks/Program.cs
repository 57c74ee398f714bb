using Auth.Benchmarks;
using BenchmarkDotNet.Running;

// `hashing-limit` is the load harness's reference measurement; anything else goes to BenchmarkDotNet
// (for example `--filter '*' --job short`).
if (args is ["hashing-limit", ..])
{
    return await HashingLimit.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchHost).Assembly).Run(args);
return 0;
