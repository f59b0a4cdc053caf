using System.Collections.Concurrent;

namespace CooperaNet.Matching.Text;

/// <summary>Numbers for terms and concepts, so indexes hold integers rather than strings.</summary>
internal sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, string> names = new();
    private int next;

    public int Id(string key) => ids.GetOrAdd(key, k =>
    {
        var id = Interlocked.Increment(ref next);
        names[id] = k;
        return id;
    });

    public bool TryGet(string key, out int id) => ids.TryGetValue(key, out id);

    public string Name(int id) => names.TryGetValue(id, out var name) ? name : string.Empty;
}
