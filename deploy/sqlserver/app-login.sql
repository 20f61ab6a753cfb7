-- The directory's own SQL Server login, run as an administrator (compose's sqlserver-init runs it as sa) before
-- the replicas start: the app then connects with least privilege, never as sa.
--   sqlcmd -S server -U sa -b -v AppLogin=directory_app -v AppPassword=... -i deploy/sqlserver/app-login.sql
-- The login may read and write the directory's tables and change its schema (replicas apply migrations at start-up;
-- where a DBA applies them instead, drop db_ddladmin and ALTER). It has no server-wide rights and no other database.
-- Idempotent: a second run changes the password to AppPassword and leaves everything else as it is.
IF DB_ID(N'EmployeeDirectory') IS NULL
    CREATE DATABASE [EmployeeDirectory];
GO

IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'$(AppLogin)')
    CREATE LOGIN [$(AppLogin)] WITH PASSWORD = N'$(AppPassword)', DEFAULT_DATABASE = [EmployeeDirectory], CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [$(AppLogin)] WITH PASSWORD = N'$(AppPassword)';
GO

USE [EmployeeDirectory];
GO

IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(AppLogin)')
    CREATE USER [$(AppLogin)] FOR LOGIN [$(AppLogin)] WITH DEFAULT_SCHEMA = [dbo];
GO

ALTER ROLE db_datareader ADD MEMBER [$(AppLogin)];
ALTER ROLE db_datawriter ADD MEMBER [$(AppLogin)];
ALTER ROLE db_ddladmin ADD MEMBER [$(AppLogin)];
GRANT ALTER ON SCHEMA::[dbo] TO [$(AppLogin)];
GO
