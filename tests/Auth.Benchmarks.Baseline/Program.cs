using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

// The load harness's reference: only what the framework does for the same requests (a JSON ping, and JwtBearer
// validation followed by a JSON reply built from the claims), so the service's ratio to it is the cost of Auth
// itself. Settings: Baseline:Issuer, Baseline:Audience, Baseline:PublicKeyPemFile and Baseline:KeyId (RS256), Baseline:Hs256Secret.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var settings = builder.Configuration.GetSection("Baseline");
var issuer = settings["Issuer"] ?? "auth";
var audience = settings["Audience"] ?? "auth-clients";

builder.Services.AddAuthentication()
    .AddJwtBearer(BaselineSchemes.Rs256, o => Configure(o, issuer, audience, SecurityAlgorithms.RsaSha256,
        RsaKey(settings["PublicKeyPemFile"], settings["KeyId"])))
    .AddJwtBearer(BaselineSchemes.Hs256, o => Configure(o, issuer, audience, SecurityAlgorithms.HmacSha256,
        new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings["Hs256Secret"] ?? new string('x', 32)))));
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(BaselineSchemes.Rs256, p => p.AddAuthenticationSchemes(BaselineSchemes.Rs256).RequireAuthenticatedUser())
    .AddPolicy(BaselineSchemes.Hs256, p => p.AddAuthenticationSchemes(BaselineSchemes.Hs256).RequireAuthenticatedUser());

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/ping", () => Results.Json(new { status = "ok" }));
app.MapGet("/me", (HttpContext context) => Me(context)).RequireAuthorization(BaselineSchemes.Rs256);
app.MapGet("/me-hs256", (HttpContext context) => Me(context)).RequireAuthorization(BaselineSchemes.Hs256);
await app.RunAsync();

static IResult Me(HttpContext context) => Results.Json(new
{
    id = context.User.FindFirst("sub")?.Value,
    email = context.User.FindFirst("email")?.Value,
    name = context.User.FindFirst("name")?.Value,
});

static void Configure(JwtBearerOptions options, string issuer, string audience, string algorithm, SecurityKey key)
{
    options.MapInboundClaims = false;
    options.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = issuer,
        ValidAudience = audience,
        ValidAlgorithms = [algorithm],
        IssuerSigningKey = key,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}

// The kid of the service's tokens, so the handler finds the key directly instead of trying every key.
static RsaSecurityKey RsaKey(string? pemFile, string? keyId)
{
    var rsa = RSA.Create();
    if (pemFile is not null)
    {
        rsa.ImportFromPem(File.ReadAllText(pemFile));
    }

    return new RsaSecurityKey(rsa) { KeyId = keyId };
}

internal static class BaselineSchemes
{
    public const string Rs256 = "rs256";
    public const string Hs256 = "hs256";
}
