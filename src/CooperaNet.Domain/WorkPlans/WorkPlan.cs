namespace CooperaNet.Domain.WorkPlans;

/// <summary>A work plan of the AICD: its objective, working group, mandates and actions.</summary>
public sealed class WorkPlan
{
    /// <summary>Code, the key (e.g. "AICD-GT3-2023-2024").</summary>
    public required string Code { get; init; }

    /// <summary>Document symbol (e.g. "AICD/JD/doc.210/23").</summary>
    public required string Document { get; set; }

    /// <summary>Date of the document.</summary>
    public required DateOnly Date { get; set; }

    /// <summary>Title.</summary>
    public required LocalizedText Title { get; set; }

    /// <summary>Objective.</summary>
    public required LocalizedText Objective { get; set; }

    /// <summary>First day of the period the plan covers.</summary>
    public required DateOnly StartDate { get; set; }

    /// <summary>Last day of the period the plan covers.</summary>
    public required DateOnly EndDate { get; set; }

    /// <summary>The plan this one was copied from; null for a plan adopted as a document (the seeded one).</summary>
    public string? CopiedFromCode { get; set; }

    /// <summary>A copy is a draft the secretariat edits; a plan from a document follows its data file.</summary>
    public bool IsEditable => CopiedFromCode is not null;

    /// <summary>Code of the working group responsible (e.g. "GT3").</summary>
    public required string WorkingGroupCode { get; set; }

    /// <summary>The working group.</summary>
    public WorkingGroup? WorkingGroup { get; set; }

    /// <summary>Actions in document order.</summary>
    public ICollection<WorkPlanAction> Actions { get; init; } = [];

    /// <summary>
    /// A new plan made from this one for a later period: the same working group, objective, actions, steps,
    /// mandates and indicators (without their evidence), every date and every year written in the texts
    /// ("2023-2024") moved by the years between the two periods. The secretariat
    /// then edits it. Needs <see cref="Actions"/> with their steps, mandates and indicators loaded.
    /// </summary>
    public WorkPlan CopyAs(string code, int firstYear, DateOnly today)
    {
        var years = firstYear - StartDate.Year;
        LocalizedText Move(LocalizedText text) => CopyText(text, t => ShiftYears(t, years));
        return new WorkPlan
        {
            Code = code,
            Document = Document,
            Date = today,
            Title = Move(Title),
            Objective = Move(Objective),
            StartDate = StartDate.AddYears(years),
            EndDate = EndDate.AddYears(years),
            CopiedFromCode = Code,
            WorkingGroupCode = WorkingGroupCode,
            Actions = [.. Actions.OrderBy(a => a.Number).Select(a => new WorkPlanAction
            {
                WorkPlanCode = code,
                Number = a.Number,
                Title = Move(a.Title),
                ExpectedResult = Move(a.ExpectedResult),
                Calendar = Move(a.Calendar),
                StartDate = a.StartDate.AddYears(years),
                EndDate = a.EndDate.AddYears(years),
                Responsible = CopyText(a.Responsible),
                Mandates = [.. a.Mandates.Select(m => new WorkPlanActionMandate { MandateCode = m.MandateCode })],
                Steps = [.. a.Steps.OrderBy(s => s.Position).Select(s => new WorkPlanStep { Position = s.Position, Text = Move(s.Text) })],
                Indicators = [.. a.Indicators.OrderBy(i => i.Position).Select(i => i.Copy())],
            })],
        };
    }

    /// <summary>A copy of <paramref name="text"/>, each language passed through <paramref name="change"/>.</summary>
    public static LocalizedText CopyText(LocalizedText text, Func<string, string>? change = null)
    {
        string? Change(string? value) => value is null || change is null ? value : change(value);
        return LocalizedText.Of(Change(text.Es), Change(text.En), Change(text.Pt), Change(text.Fr));
    }

    /// <summary>Every four-digit year from 1900 to 2099 in <paramref name="text"/> moved by <paramref name="years"/>.</summary>
    private static string ShiftYears(string text, int years) =>
        System.Text.RegularExpressions.Regex.Replace(
            text, @"\b(19|20)\d\d\b", m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + years).ToString(System.Globalization.CultureInfo.InvariantCulture),
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}

/// <summary>A working group of the Board of the AICD.</summary>
public sealed class WorkingGroup
{
    /// <summary>Code, the key ("GT3").</summary>
    public required string Code { get; init; }

    /// <summary>Name.</summary>
    public required LocalizedText Name { get; set; }

    /// <summary>Member states and their role.</summary>
    public ICollection<WorkingGroupMember> Members { get; init; } = [];
}

/// <summary>A member state's seat in a working group.</summary>
public sealed class WorkingGroupMember
{
    /// <summary>The group.</summary>
    public required string WorkingGroupCode { get; init; }

    /// <summary>The member state.</summary>
    public required string StateCode { get; init; }

    /// <summary>The role of the state in the group.</summary>
    public required WorkingGroupRole Role { get; set; }

    /// <summary>Order in which the document lists the members.</summary>
    public int Position { get; set; }
}

/// <summary>A state's role in a working group.</summary>
public enum WorkingGroupRole
{
    /// <summary>Member.</summary>
    Member = 0,

    /// <summary>Chair (Presidencia).</summary>
    Chair = 1,

    /// <summary>Vice-chair (Vicepresidencia).</summary>
    ViceChair = 2,
}

/// <summary>A paragraph of a General Assembly resolution that mandates work of the AICD.</summary>
public sealed class Mandate
{
    /// <summary>Key: resolution and paragraph, e.g. "AG/RES. 2988 (LII-O/22) 68".</summary>
    public required string Code { get; init; }

    /// <summary>The resolution symbol.</summary>
    public required string Resolution { get; set; }

    /// <summary>The paragraph number.</summary>
    public required int Paragraph { get; set; }

    /// <summary>One line saying what it asks.</summary>
    public required LocalizedText Summary { get; set; }

    /// <summary>The paragraph's text.</summary>
    public required LocalizedText Text { get; set; }

    /// <summary>Builds the key of a paragraph of a resolution.</summary>
    public static string CodeOf(string resolution, int paragraph) => $"{resolution} {paragraph}";
}

/// <summary>An action of a work plan with its expected result, calendar and responsible parties.</summary>
public sealed class WorkPlanAction
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; init; }

    /// <summary>The work plan.</summary>
    public required string WorkPlanCode { get; init; }

    /// <summary>Number in document order, from 1.</summary>
    public required int Number { get; set; }

    /// <summary>Title of the action.</summary>
    public required LocalizedText Title { get; set; }

    /// <summary>Expected result.</summary>
    public required LocalizedText ExpectedResult { get; set; }

    /// <summary>Calendar as the document words it.</summary>
    public required LocalizedText Calendar { get; set; }

    /// <summary>First day of the calendar.</summary>
    public required DateOnly StartDate { get; set; }

    /// <summary>Last day of the calendar.</summary>
    public required DateOnly EndDate { get; set; }

    /// <summary>Responsible parties and method.</summary>
    public required LocalizedText Responsible { get; set; }

    /// <summary>Codes of the mandates the action answers.</summary>
    public ICollection<WorkPlanActionMandate> Mandates { get; init; } = [];

    /// <summary>Concrete steps, in order.</summary>
    public ICollection<WorkPlanStep> Steps { get; init; } = [];

    /// <summary>How the expected result is measured.</summary>
    public ICollection<WorkPlanIndicator> Indicators { get; init; } = [];
}

/// <summary>Links an action to a mandate.</summary>
public sealed class WorkPlanActionMandate
{
    /// <summary>The action.</summary>
    public int ActionId { get; init; }

    /// <summary>The mandate's code.</summary>
    public required string MandateCode { get; init; }

    /// <summary>The mandate.</summary>
    public Mandate? Mandate { get; set; }
}

/// <summary>A concrete step of an action.</summary>
public sealed class WorkPlanStep
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; init; }

    /// <summary>The action.</summary>
    public int ActionId { get; init; }

    /// <summary>Order within the action, from 1.</summary>
    public required int Position { get; set; }

    /// <summary>The step.</summary>
    public required LocalizedText Text { get; set; }
}
