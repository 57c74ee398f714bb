using Auth.Api.Authentication;
using Auth.Api.Contracts;
using Auth.Api.Errors;
using Auth.Api.Hosting;
using Auth.Api.Http;
using Auth.Application.Admin.ChangeUserEmail;
using Auth.Application.Admin.DisableUser;
using Auth.Application.Admin.EnableUser;
using Auth.Application.Admin.EndUserSessions;
using Auth.Application.Admin.GetUser;
using Auth.Application.Admin.GrantRole;
using Auth.Application.Admin.ListUsers;
using Auth.Application.Admin.ResetUserMfa;
using Auth.Application.Admin.RevokeRole;
using Auth.Application.Users;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Controllers;

/// <summary>Account administration, for the <c>admin</c> role (writes need a two-step session where the admin has one).</summary>
[ApiController]
[Route("admin/users")]
[Authorize(Policy = ApiServices.AdminPolicy)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ErrorResults.ProblemJson)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ErrorResults.ProblemJson)]
public sealed class AdminUsersController(ISender sender) : ControllerBase
{
    private const string ProblemJson = ErrorResults.ProblemJson;

    /// <summary>Lists accounts, newest first by default, optionally those whose email starts with a prefix.</summary>
    /// <param name="emailPrefix">Matched case-insensitively against the start of the email.</param>
    /// <param name="sort"><c>createdDesc</c> (default), <c>createdAsc</c>, <c>emailAsc</c> or <c>emailDesc</c>.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 to 100; 20 by default.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <response code="200">One page and the total number of matches.</response>
    /// <response code="400"><c>validation_failed</c>: a paging or sort parameter is out of range.</response>
    [HttpGet]
    [ProducesResponseType<PageResponse<AdminUserResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<PageResponse<AdminUserResponse>> List(
        string? emailPrefix, UserSort sort = UserSort.CreatedDesc, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var result = await sender.Send(new ListUsersQuery(emailPrefix, sort, page, pageSize), cancellationToken);
        return PageResponse.From(result, AdminUserResponse.From);
    }

    /// <summary>One account.</summary>
    /// <response code="200">The account.</response>
    /// <response code="404"><c>user_not_found</c>: no account has this id.</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<AdminUserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        UserOrProblem(await sender.Send(new GetUserQuery(id), cancellationToken));

    /// <summary>Changes an account's fields; today its email address.</summary>
    /// <remarks>
    /// The new address takes effect at once, unconfirmed: a confirmation link is mailed to it, and the old address is
    /// told of the change. Every reset, confirmation and email change link mailed before stops working; sessions stay.
    /// </remarks>
    /// <response code="200">The account as it is now.</response>
    /// <response code="400"><c>validation_failed</c>: the address is malformed.</response>
    /// <response code="404"><c>user_not_found</c>: no account has this id.</response>
    /// <response code="409"><c>email_taken</c>: another account has the address.</response>
    [HttpPatch("{id:guid}")]
    [RequiresStepUp]
    [Consumes("application/json")]
    [ProducesResponseType<AdminUserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> Update(Guid id, AdminUpdateUserRequest request, CancellationToken cancellationToken) =>
        UserOrProblem(await sender.Send(new ChangeUserEmailCommand(id, request.Email, HttpContext.GetClientInfo()), cancellationToken));

    /// <summary>Grants a role; it appears in the user's tokens from their next refresh or login.</summary>
    /// <response code="200">The account with its roles.</response>
    /// <response code="400"><c>validation_failed</c>: not a known role.</response>
    /// <response code="404"><c>user_not_found</c>: no account has this id.</response>
    [HttpPost("{id:guid}/roles")]
    [RequiresStepUp]
    [Consumes("application/json")]
    [ProducesResponseType<AdminUserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> GrantRole(Guid id, GrantRoleRequest request, CancellationToken cancellationToken) =>
        UserOrProblem(await sender.Send(new GrantRoleCommand(User.GetUserId(), id, request.Role ?? "", HttpContext.GetClientInfo()), cancellationToken));

    /// <summary>Revokes a role; the user's sessions end at once so no token keeps it.</summary>
    /// <response code="200">The account with its roles.</response>
    /// <response code="400"><c>validation_failed</c>: not a revocable role.</response>
    /// <response code="404"><c>user_not_found</c>: no account has this id.</response>
    /// <response code="409"><c>cannot_change_own_access</c>: your own admin role; <c>last_admin</c>: it would leave no administrator.</response>
    [HttpDelete("{id:guid}/roles/{role}")]
    [RequiresStepUp]
    [ProducesResponseType<AdminUserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> RevokeRole(Guid id, string role, CancellationToken cancellationToken) =>
        UserOrProblem(await sender.Send(new RevokeRoleCommand(User.GetUserId(), id, role, HttpContext.GetClientInfo()), cancellationToken));

    /// <summary>Disables the account: sign-in answers 403 <c>account_disabled</c> and every session ends at once.</summary>
    /// <response code="200">The account, disabled.</response>
    /// <response code="404"><c>user_not_found</c>: no account has this id.</response>
    /// <response code="409"><c>cannot_change_own_access</c>: your own account; <c>last_admin</c>: it would leave no administrator.</response>
    [HttpPost("{id:guid}/disable")]
    [RequiresStepUp]
    [ProducesResponseType<AdminUserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> Disable(Guid id, CancellationToken cancellationToken) =>
        UserOrProblem(await sender.Send(new DisableUserCommand(User.GetUserId(), id, HttpContext.GetClientInfo()), cancellationToken));

    /// <summary>Enables a disabled account again.</summary>
    /// <response code="200">The account, enabled.</response>
    /// <response code="404"><c>user_not_found</c>: no account has this id.</response>
    [HttpPost("{id:guid}/enable")]
    [RequiresStepUp]
    [ProducesResponseType<AdminUserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Enable(Guid id, CancellationToken cancellationToken) =>
        UserOrProblem(await sender.Send(new EnableUserCommand(User.GetUserId(), id, HttpContext.GetClientInfo()), cancellationToken));

    /// <summary>Ends every session of the account; its tokens get 401 from their next request.</summary>
    /// <response code="204">All sessions ended.</response>
    /// <response code="404"><c>user_not_found</c>: no account has this id.</response>
    [HttpDelete("{id:guid}/sessions")]
    [RequiresStepUp]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> EndSessions(Guid id, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new EndUserSessionsCommand(User.GetUserId(), id, HttpContext.GetClientInfo()), cancellationToken);
        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }

    /// <summary>Turns off the user's two-step verification (a lost phone and lost recovery codes); the user is mailed.</summary>
    /// <response code="204">TOTP is off and the recovery codes are gone; the user signs in with the password alone and may enrol again.</response>
    /// <response code="404"><c>user_not_found</c>: no account has this id.</response>
    /// <response code="409"><c>mfa_not_enabled</c>: the user has no second factor.</response>
    [HttpDelete("{id:guid}/mfa")]
    [RequiresStepUp]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> ResetMfa(Guid id, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ResetUserMfaCommand(User.GetUserId(), id), cancellationToken);
        return result.IsSuccess ? NoContent() : this.Problem(result.Error!);
    }

    private IActionResult UserOrProblem(Application.Common.Results.Result<Application.Admin.Common.AdminUserView> result) =>
        result.IsSuccess ? Ok(AdminUserResponse.From(result.Value)) : this.Problem(result.Error!);
}
