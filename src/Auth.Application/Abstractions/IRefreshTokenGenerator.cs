namespace Auth.Application.Abstractions;

public interface IRefreshTokenGenerator
{
    /// <summary>A fresh random token and the hash under which it is stored.</summary>
    NewRefreshToken Create();

    string Hash(string token);
}

/// <param name="Value">Given to the client once and never stored.</param>
/// <param name="Hash">What the database keeps.</param>
public sealed record NewRefreshToken(string Value, string Hash);
