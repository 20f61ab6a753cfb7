using System.Collections.Concurrent;
using System.Security.Claims;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Components.Identity;

/// <summary>
/// Keeps every open circuit's user current, with one check per server rather than a timer per circuit: every
/// <see cref="RefreshInterval"/> it reads the accounts of all signed-in circuits in a few batched queries. A changed
/// role or employee link replaces the circuit's user (its pages re-render with what the user may now do); a deleted
/// account, a changed security stamp (a new password) or a demo account outside Development signs the circuit out.
/// The timer runs only while a circuit is open.
/// </summary>
internal sealed partial class CircuitAccounts : IDisposable
{
    /// <summary>Often enough that a role or link change reaches open tabs within a minute.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    // Ids per query: well under every provider's limit on parameters.
    private const int BatchSize = 500;

    private static readonly ClaimsPrincipal SignedOut = new(new ClaimsIdentity());

    private readonly ConcurrentDictionary<RefreshingAuthenticationStateProvider, ClaimsPrincipal> _circuits = new();
    private readonly IDbContextFactory<DirectoryDbContext> _contexts;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly IHostEnvironment _environment;
    private readonly IOptions<IdentityOptions> _identity;
    private readonly ILogger<CircuitAccounts> _logger;
    private readonly Lock _timerGate = new();
    private ITimer? _timer;
    private int _checking;

    public CircuitAccounts(
        IDbContextFactory<DirectoryDbContext> contexts,
        IServiceScopeFactory scopes,
        TimeProvider time,
        IHostEnvironment environment,
        IOptions<IdentityOptions> identity,
        ILogger<CircuitAccounts> logger)
    {
        _contexts = contexts;
        _scopes = scopes;
        _time = time;
        _environment = environment;
        _identity = identity;
        _logger = logger;
    }

    /// <summary>Open circuits being watched.</summary>
    public int Count => _circuits.Count;

    /// <summary>Watches <paramref name="circuit"/>, signed in as <paramref name="user"/>, until it says otherwise.</summary>
    public void Watch(RefreshingAuthenticationStateProvider circuit, ClaimsPrincipal user)
    {
        _circuits[circuit] = user;
        lock (_timerGate)
        {
            _timer ??= _time.CreateTimer(static state => _ = ((CircuitAccounts)state!).TickAsync(), this, RefreshInterval, RefreshInterval);
        }
    }

    /// <summary>Stops watching <paramref name="circuit"/> (it closed, or its user signed out).</summary>
    public void Forget(RefreshingAuthenticationStateProvider circuit)
    {
        _circuits.TryRemove(circuit, out _);
        lock (_timerGate)
        {
            if (_circuits.IsEmpty && _timer is { } timer)
            {
                timer.Dispose();
                _timer = null;
            }
        }
    }

    public void Dispose()
    {
        lock (_timerGate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Reads the accounts of every watched circuit once, and updates the circuits whose user changed.</summary>
    internal async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        var circuits = _circuits.ToArray();
        var userIds = circuits.Select(circuit => UserIdOf(circuit.Value)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (userIds.Count == 0)
        {
            return;
        }

        var accounts = await ReadAsync(userIds, cancellationToken);
        foreach (var (circuit, user) in circuits)
        {
            var account = UserIdOf(user) is { } id ? accounts.GetValueOrDefault(id) : null;
            if (await RefreshedAsync(user, account) is { } refreshed && _circuits.TryGetValue(circuit, out var still) && ReferenceEquals(still, user))
            {
                Log.Refreshed(_logger, user.Identity?.Name, refreshed.Identity?.IsAuthenticated == true ? "its roles or employee link changed" : "the account changed or is gone: signed out");
                circuit.Replace(refreshed);
            }
        }
    }

    /// <summary>
    /// The user a circuit signed in as <paramref name="current"/> should have now: null when nothing that decides what
    /// they may do changed, an anonymous principal when they must be signed out, otherwise the refreshed principal.
    /// </summary>
    private async Task<ClaimsPrincipal?> RefreshedAsync(ClaimsPrincipal current, AccountState? account)
    {
        var claims = _identity.Value.ClaimsIdentity;
        if (account is null
            || current.FindFirstValue(claims.SecurityStampClaimType) != account.SecurityStamp
            || (!_environment.IsDevelopment() && DemoAccounts.IsDemo(account.Email)))
        {
            return SignedOut;
        }

        var now = Authority(account.Email, account.Roles, account.EmployeeId);
        var then = Authority(current.Identity?.Name, [.. current.FindAll(claims.RoleClaimType).Select(claim => claim.Value)], DirectoryClaims.EmployeeIdOf(current));
        if (now == then)
        {
            return null;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>().FindByIdAsync(account.UserId);
        return user is null ? SignedOut : await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DirectoryUser>>().CreateAsync(user);
    }

    /// <summary>The accounts with these ids, their roles and employee links, in a few queries whatever the number of circuits.</summary>
    private async Task<Dictionary<string, AccountState>> ReadAsync(List<string> userIds, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<string, AccountState>(StringComparer.Ordinal);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        foreach (var batch in userIds.Chunk(BatchSize))
        {
            var users = await db.Users.AsNoTracking()
                .Where(user => batch.Contains(user.Id))
                .Select(user => new { user.Id, user.Email, user.SecurityStamp })
                .ToListAsync(cancellationToken);
            var roles = await db.UserRoles.AsNoTracking()
                .Where(link => batch.Contains(link.UserId))
                .Join(db.Roles, link => link.RoleId, role => role.Id, (link, role) => new { link.UserId, role.Name })
                .ToListAsync(cancellationToken);
            var emails = users.Select(user => AccountEmail.Normalize(user.Email ?? "")).Where(email => email.Length > 0).Distinct().ToList();
            var employees = await db.Employees.AsNoTracking()
                .Where(employee => emails.Contains(employee.NormalizedEmail))
                .Select(employee => new { employee.NormalizedEmail, employee.Id })
                .ToListAsync(cancellationToken);
            foreach (var user in users)
            {
                var email = AccountEmail.Normalize(user.Email ?? "");
                accounts[user.Id] = new AccountState(
                    user.Id,
                    user.Email,
                    user.SecurityStamp,
                    [.. roles.Where(role => role.UserId == user.Id && role.Name is not null).Select(role => role.Name!)],
                    employees.Find(employee => employee.NormalizedEmail == email)?.Id);
            }
        }

        return accounts;
    }

    private async Task TickAsync()
    {
        // A check that outlasts the interval is not overtaken by the next one.
        if (Interlocked.Exchange(ref _checking, 1) == 1)
        {
            return;
        }

        try
        {
            await CheckAsync();
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            // The database is out of reach for a moment: circuits keep their users until the next check.
            Log.CheckFailed(_logger, exception);
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    private string? UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(_identity.Value.ClaimsIdentity.UserIdClaimType);

    /// <summary>What decides what a user may do: their name, roles and employee link.</summary>
    private static string Authority(string? name, IEnumerable<string> roles, int? employeeId) =>
        string.Join('|', name, string.Join(',', roles.Order(StringComparer.Ordinal)), employeeId);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3210, Level = LogLevel.Information, Message = "Open pages of {User} updated: {Change}")]
        public static partial void Refreshed(ILogger logger, string? user, string change);

        [LoggerMessage(EventId = 3211, Level = LogLevel.Warning, Message = "Could not re-read the accounts of open circuits; trying again at the next check")]
        public static partial void CheckFailed(ILogger logger, Exception exception);
    }
}
