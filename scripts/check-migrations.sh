#!/usr/bin/env bash
# Fails when either provider's model has changes without a migration, and writes the idempotent
# SQL Server script a DBA applies (Database:ApplyMigrationsOnStartup=false) to artifacts/.
# Needs no database server: the design-time factories never open a connection for these commands.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

project="EmployeeDirectory.Core"
artifacts="$root/artifacts"
mkdir -p "$artifacts"

dotnet tool restore
dotnet build "$project" --nologo --verbosity quiet

for context in SqliteDirectoryDbContext SqlServerDirectoryDbContext; do
  echo "Checking $context for model changes without a migration..."
  dotnet ef migrations has-pending-model-changes --project "$project" --context "$context" --no-build
done

script="$artifacts/sqlserver-migrations.sql"
dotnet ef migrations script --idempotent --project "$project" --context SqlServerDirectoryDbContext \
  --no-build --output "$script"
grep -q "CREATE TABLE \[Employees\]" "$script" || { echo "error: $script does not create Employees" >&2; exit 1; }
echo "SQL Server migration script: $script"
