namespace Auth.Application.Abstractions;

/// <summary>The list of passwords people choose most often, lower-case.</summary>
public interface IPasswordBlocklist
{
    /// <summary>Whether <paramref name="lowerCasePassword"/> is on the list, exactly.</summary>
    bool Contains(string lowerCasePassword);
}
