using Auth.Application.Common.Behaviors;
using Auth.Application.Common.Results;
using Auth.Benchmarks.Pipeline;
using BenchmarkDotNet.Attributes;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Benchmarks;

/// <summary>
/// The mediator pipeline's overhead for one command: a scope, <c>Send</c> through <see cref="ValidationBehavior{TMessage, TResponse}"/>
/// (configured as the Api configures it: scoped, that one behaviour) to a handler that does nothing, against calling
/// that handler directly.
/// </summary>
[MemoryDiagnoser]
public class MediatorBenchmarks
{
    private readonly PipelineProbeCommand command = new("ada@example.com", "correct horse battery staple");
    private readonly PipelineProbeHandler handler = new();
    private ServiceProvider services = null!;

    [GlobalSetup]
    public void Setup()
    {
        var collection = new ServiceCollection();
        collection.AddValidatorsFromAssemblyContaining<PipelineProbeValidator>(ServiceLifetime.Singleton);
        collection.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(PipelineProbeCommand).Assembly];
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        services = collection.BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark(Baseline = true)]
    public ValueTask<Result> HandlerDirectly() => handler.Handle(command, CancellationToken.None);

    [Benchmark]
    public async ValueTask<Result> ThroughMediator()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, CancellationToken.None);
    }
}
