namespace CooperaNet.Matching.Text;

/// <summary>Words too common to tell one text from another, per language, folded (no accents).</summary>
internal static class StopWords
{
    private static readonly HashSet<string> Spanish = Set(
        "a al algo algun alguna algunas alguno algunos ante antes aquel aquella asi aun bajo bien cada como con contra cual cuales cuando de del desde donde dos durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estas este esto estos fue fueron ha han hasta hay la las le les lo los mas me mediante mismo muy nos o otra otras otro otros para pero por porque que quien se sea segun ser si sin sobre son su sus tal tambien tanto tiene tienen todo todos tras un una unas uno unos y ya asimismo dicho dicha dichos cuyo cuya ademas etc traves");

    private static readonly HashSet<string> English = Set(
        "a about above after all also am an and any are as at be been before being below between both but by can could did do does doing during each few for from further had has have having he her here hers him his how i if in into is it its itself just may might more most must no nor not of off on once only or other our out over own same shall she should so some such than that the their them then there these they this those through to too under until up upon very via was we were what when where which while who whom why will with within without would you your etc including include includes across among");

    private static readonly HashSet<string> Portuguese = Set(
        "a ao aos as ate com como da das de dela dele do dos e ela elas ele eles em entre era essa essas esse esses esta estas este estes eu foi foram ha isso isto ja la mais mas me mesmo muito na nas nem no nos o os ou para pela pelas pelo pelos por qual quando que quem se sem ser seu seus sua suas tambem tem ter um uma umas uns atraves bem cada sobre outro outra outros outras sao seja todo todos toda todas onde forma assim");

    private static readonly HashSet<string> French = Set(
        "a au aux avec ce ces cet cette d dans de des du elle elles en entre est et etait etre eu il ils je l la le les leur leurs lui mais me meme ne ni nos notre nous on ou par pas pour plus qu que qui sa sans se ses son sont sur ta te tes toi ton tous tout toute toutes tres un une vos votre vous y afin ainsi aupres autre autres cela celle celles celui ceux chaque comme donc dont fait ici lors parmi peut quand sous tant telle tel",
        "c j m n s t");

    private static readonly HashSet<string> All = [.. Spanish, .. English, .. Portuguese, .. French];

    /// <summary>True when <paramref name="folded"/> is a stop word of <paramref name="language"/> (of any language for <see cref="Lang.Other"/>).</summary>
    public static bool Contains(Lang language, string folded) => language switch
    {
        Lang.Es => Spanish.Contains(folded),
        Lang.En => English.Contains(folded),
        Lang.Pt => Portuguese.Contains(folded),
        Lang.Fr => French.Contains(folded),
        _ => All.Contains(folded),
    };

    private static HashSet<string> Set(params string[] lists) =>
        lists.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
}
