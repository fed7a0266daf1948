namespace AfterSales.Domain.Common;

/// <summary>
/// The four-eyes rule (双人复核): a step that exists so that a second person looks at someone's work cannot be done by
/// the person whose work it is. One rule for every place the domain asks for a second person (team-lead check after
/// the self-check, QC's final inspection after the workshop, the manager's closure review after the handler, the
/// approval of a plan or a count after whoever submitted it); each place passes its own code so the message says which.
/// </summary>
public static class FourEyes
{
    /// <summary>The refusal when the second person is one of the earlier people; unknown people (system moves) never match.</summary>
    public static FieldError? Refuse(Guid? secondPerson, IEnumerable<Guid?> earlierPeople, string code, string? field = null) =>
        secondPerson is { } me && earlierPeople.Any(p => p == me) ? new FieldError(code, field) : null;

    public static FieldError? Refuse(Guid? secondPerson, Guid? earlierPerson, string code, string? field = null) =>
        Refuse(secondPerson, [earlierPerson], code, field);

    /// <summary>The same rule where people are recorded by their user name.</summary>
    public static FieldError? Refuse(string? secondPerson, string? earlierPerson, string code, string? field = null) =>
        !string.IsNullOrWhiteSpace(secondPerson) && string.Equals(secondPerson, earlierPerson, StringComparison.OrdinalIgnoreCase) ? new FieldError(code, field) : null;
}
