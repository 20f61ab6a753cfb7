using System.Runtime.CompilerServices;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Managed sizes of the objects a <see cref="RosterIndex"/> holds, as the 64-bit runtime lays them out: an
/// object header and method table pointer (16 bytes) before the fields, arrays and strings with their length,
/// everything rounded up to 8 bytes, 24 bytes at least.
/// </summary>
internal static class RosterMemory
{
    public const int Reference = 8;
    private const int ObjectHeader = 16;
    private const int ArrayHeader = 24;
    private const int StringHeader = 22;
    private const int MinimumObject = 24;

    /// <summary>An object with <paramref name="fieldBytes"/> of instance fields.</summary>
    public static long Object(int fieldBytes) => Align(ObjectHeader + fieldBytes);

    /// <summary>An array of <paramref name="length"/> elements of <paramref name="elementBytes"/> each.</summary>
    public static long Array(long length, int elementBytes) => Align(ArrayHeader + (length * elementBytes));

    /// <summary>A string (its terminating null included); the shared empty string costs nothing.</summary>
    public static long String(string text) => text.Length == 0 ? 0 : Align(StringHeader + (2L * text.Length));

    /// <summary>
    /// A <see cref="Dictionary{TKey, TValue}"/>: the object, its buckets and entries at its current capacity
    /// (each entry holds the key's hash code, a next index, the key and the value).
    /// </summary>
    public static long Dictionary<TKey, TValue>(Dictionary<TKey, TValue> dictionary)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        var capacity = dictionary.EnsureCapacity(0);
        var dictionaryObject = Object((5 * Reference) + sizeof(ulong) + (4 * sizeof(int)));
        return capacity == 0
            ? dictionaryObject
            : dictionaryObject + Array(capacity, sizeof(int)) + Array(capacity, Unsafe.SizeOf<DictionaryEntry<TKey, TValue>>());
    }

    private static long Align(long bytes) => Math.Max(MinimumObject, (bytes + 7) & ~7L);

    /// <summary>The layout of one entry of a <see cref="Dictionary{TKey, TValue}"/>, measured with <see cref="Unsafe.SizeOf{T}"/>.</summary>
#pragma warning disable CS0649 // Never instantiated: only its size is read.
    private struct DictionaryEntry<TKey, TValue>
    {
        internal uint HashCode;
        internal int Next;
        internal TKey Key;
        internal TValue Value;
    }
#pragma warning restore CS0649
}
