namespace Auth.Application.Users;

/// <summary>Orders of the administrators' user list.</summary>
public enum UserSort
{
    CreatedDesc,
    CreatedAsc,
    EmailAsc,
    EmailDesc,
}
