using Bogus;

namespace EmployeeDirectory.Core.Data.Seeding;

/// <summary>Picks an index with probability proportional to its weight (weights need not sum to 1).</summary>
internal sealed class WeightedChoice
{
    private readonly double[] cumulative;

    public WeightedChoice(IEnumerable<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var running = new List<double>();
        var total = 0d;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight, nameof(weights));
            total += weight;
            running.Add(total);
        }

        if (running.Count == 0)
        {
            throw new ArgumentException("At least one weight is required.", nameof(weights));
        }

        cumulative = [.. running];
    }

    public int Next(Randomizer random)
    {
        var point = random.Double() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, point);
        return Math.Min(index >= 0 ? index + 1 : ~index, cumulative.Length - 1);
    }
}
