using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Pages.Employees;

/// <summary>
/// The profile edit form. Checks each field as it is typed, then lets the directory service decide:
/// its field errors appear next to their fields, and a stale concurrency stamp becomes a conflict the
/// editor can resolve by reloading. A newer version arriving while the form is untouched is taken
/// silently; while it has edits, they are kept and the editor is warned instead.
/// </summary>
public sealed partial class ProfileEditor : LifetimeComponent
{
    private readonly Dictionary<string, string[]> _serverErrors = new(StringComparer.Ordinal);
    private List<string> _otherErrors = [];

    private MudForm? _form;
    private ProfileForm _model = new();
    private EmployeeProfile? _baseline;
    private bool _saving;
    private bool _busy;
    private bool _conflict;
    private bool _changedElsewhere;
    private bool _gone;

    /// <summary>The current stored profile.</summary>
    [Parameter, EditorRequired]
    public EmployeeProfile Profile { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<DepartmentSummary> Departments { get; set; } = [];

    /// <summary>Raised with the stored employee after a save or a reload.</summary>
    [Parameter]
    public EventCallback<EmployeeDetails> ProfileChanged { get; set; }

    /// <summary>The signed-in user; only admins may save (the page shows the form only to them).</summary>
    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IDirectoryService Directory { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool IsDirty => _baseline is not null && !_model.Matches(_baseline);

    private IEnumerable<string> DepartmentNames
    {
        get
        {
            var names = Departments.Select(department => department.Name).ToList();
            if (!string.IsNullOrEmpty(_model.Department) && !names.Contains(_model.Department, StringComparer.Ordinal))
            {
                names.Add(_model.Department);
            }

            return names;
        }
    }

    protected override void OnParametersSet()
    {
        if (_baseline is null || _baseline.Id != Profile.Id)
        {
            Reset(Profile);
        }
        else if (Profile != _baseline)
        {
            if (IsDirty)
            {
                _changedElsewhere = true;
            }
            else
            {
                Reset(Profile);
            }
        }
    }

    private async Task SaveAsync()
    {
        if (_form is null || _baseline is null)
        {
            return;
        }

        await _form.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        if (!await MayEditAsync())
        {
            _otherErrors = ["Only an admin can edit profiles. Nothing was saved."];
            return;
        }

        _busy = _saving = true;
        _conflict = false;
        _serverErrors.Clear();
        _otherErrors = [];
        try
        {
            var result = await Directory.UpdateProfileAsync(_baseline.Id, _model.ToUpdate(_baseline.ConcurrencyStamp), Lifetime);
            switch (result.Outcome)
            {
                case ServiceOutcome.Ok when result.Value is { } saved:
                    Reset(saved.Profile);
                    Snackbar.Add("Saved", Severity.Success);
                    await ProfileChanged.InvokeAsync(saved);
                    break;
                case ServiceOutcome.Invalid:
                    ShowErrors(result.Errors);
                    break;
                case ServiceOutcome.Conflict:
                    _conflict = true;
                    _changedElsewhere = false;
                    break;
                case ServiceOutcome.Unavailable:
                    _otherErrors = ["The directory's database can't be reached right now, so nothing was saved. Your changes are still here: try again in a moment."];
                    break;
                default:
                    _gone = true;
                    break;
            }
        }
        catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
        {
            // The page closed while saving.
        }
        finally
        {
            _busy = _saving = false;
        }
    }

    private async Task<bool> MayEditAsync()
    {
        if (Authentication is null)
        {
            return false;
        }

        var user = (await Authentication).User;
        return (await Authorization.AuthorizeAsync(user, DirectoryPolicies.EditProfiles)).Succeeded;
    }

    private async Task ReloadAsync()
    {
        _busy = true;
        try
        {
            var current = await Directory.GetEmployeeAsync(Profile.Id, Lifetime);
            if (current is null)
            {
                _gone = true;
                return;
            }

            Reset(current.Profile);
            await ProfileChanged.InvokeAsync(current);
        }
        catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
        {
            // The page closed while reloading.
        }
        finally
        {
            _busy = false;
        }
    }

    private void Discard()
    {
        if (_baseline is not null)
        {
            Reset(_baseline);
        }
    }

    private void Reset(EmployeeProfile profile)
    {
        _baseline = profile;
        _model = ProfileForm.From(profile);
        _serverErrors.Clear();
        _otherErrors = [];
        _conflict = false;
        _changedElsewhere = false;
    }

    private void ShowErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            if (ProfileFields.All.Contains(field))
            {
                _serverErrors[field] = messages;
            }
            else
            {
                _otherErrors.AddRange(messages);
            }
        }

        if (errors.Count == 0)
        {
            _otherErrors.Add("The profile was not saved.");
        }
    }

    private void Edited(string field) => _serverErrors.Remove(field);

    private bool HasServerError(string field) => _serverErrors.ContainsKey(field);

    private string? ServerError(string field) =>
        _serverErrors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The directory service's own rule for <paramref name="field"/>, checked as it is typed (an empty field is left to Required).</summary>
    private static Func<string?, IEnumerable<string>> Rule(string field) =>
        value => string.IsNullOrWhiteSpace(value) ? [] : ProfileRules.Check(field, value);
}
