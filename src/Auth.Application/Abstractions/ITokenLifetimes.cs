namespace Auth.Application.Abstractions;

public interface ITokenLifetimes
{
    TimeSpan AccessToken { get; }

    /// <summary>The absolute lifetime of a session and so of its refresh tokens.</summary>
    TimeSpan RefreshToken { get; }

    /// <summary>A session whose refresh token goes unused this long ends.</summary>
    TimeSpan RefreshTokenIdle { get; }

    /// <summary>How long after a rotation the old token still yields the same successor (two tabs racing).</summary>
    TimeSpan RefreshReuseGrace { get; }

    /// <summary>How far past <c>exp</c> a validator still accepts a token.</summary>
    TimeSpan ClockSkew { get; }
}
