using Auth.Application.Common.Errors;

namespace Auth.Application.Common.Results;

/// <summary>The outcome of a use case: success, or an expected <see cref="Errors.Error"/>.</summary>
public class Result
{
    protected Result(Error? error) => Error = error;

    public static Result Success { get; } = new(null);

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => new(error);
}

/// <summary>The outcome of a use case that produces a <typeparamref name="T"/>.</summary>
public sealed class Result<T> : Result
{
    private readonly T? value;

    private Result(T value)
        : base(null) => this.value = value;

    private Result(Error error)
        : base(error)
    {
    }

    /// <summary>The value; reading it from a failure is a programming error.</summary>
    public T Value => IsSuccess ? value! : throw new InvalidOperationException($"A failed result has no value ({Error!.Code}).");

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);
}
