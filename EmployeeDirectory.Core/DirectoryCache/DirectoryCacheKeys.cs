using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Core.RollCall;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>The directory's keys by name: <c>keys.Status(id)</c> rather than <c>keys.Key(DirectoryCacheContract.EmployeeStatus, id)</c>.</summary>
public static class DirectoryCacheKeys
{
    extension(CacheKeySpace keys)
    {
        /// <summary>One employee's profile key.</summary>
        public CacheKey<EmployeeProfile> Profile(int employeeId) => keys.Key(DirectoryCacheContract.EmployeeProfile, employeeId);

        /// <summary>One employee's status key.</summary>
        public CacheKey<EmployeeStatus> Status(int employeeId) => keys.Key(DirectoryCacheContract.EmployeeStatus, employeeId);

        /// <summary>The search roster's key.</summary>
        public string Roster => keys.NameOf(DirectoryCacheContract.Roster, 0);

        /// <summary>The roll call's key.</summary>
        public CacheKey<RollCallSummary> RollCall => keys.Key(DirectoryCacheContract.RollCall);

        /// <summary>The presence aggregate's key.</summary>
        public string Presence => keys.NameOf(DirectoryCacheContract.Presence, 0);
    }
}
