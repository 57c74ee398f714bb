namespace Auth.Application.Abstractions;

public interface ITokenLifetimes
{
    TimeSpan AccessToken { get; }

    TimeSpan RefreshToken { get; }

    /// <summary>How far past <c>exp</c> a validator still accepts a token.</summary>
    TimeSpan ClockSkew { get; }
}
