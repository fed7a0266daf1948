using AfterSales.Domain.Common;
using AfterSales.Domain.ThreeGuarantees;

namespace AfterSales.Domain.RepairOrders;

/// <summary>
/// What a job repairs, as the 三包 ledger needs it: the system, the fault code or symptom category that says
/// "the same quality problem", whether the advisor marked it a quality problem (it counts even when paid by the
/// customer), whether it is a serious safety-performance fault (严重安全性能故障), and which of the five
/// first-60-days failures it is.
/// </summary>
public sealed record JobFault(FaultSystem System, string FaultCode, bool QualityProblem = false, bool SeriousSafetyFault = false, EarlySeriousFault? EarlyFault = null)
{
    public const int FaultCodeMaxLength = 40;
    public const string CodeRequired = "sanbao.fault_code_required";
    public const string EarlyFaultSystem = "sanbao.early_fault_wrong_system";
    public const string EarlyFaultNotSerious = "sanbao.early_fault_not_serious";
    public const string WholeAssemblyNotMajor = "sanbao.whole_assembly_not_major";
    public const string ComponentWithoutFault = "sanbao.component_without_fault";
    public const string PartsChanged = "sanbao.parts_changed";

    /// <summary>The system each of the five early failures belongs to: a braking failure is recorded on the braking system.</summary>
    public static FaultSystem SystemOf(EarlySeriousFault fault) => fault switch
    {
        EarlySeriousFault.SteeringFailure => FaultSystem.Steering,
        EarlySeriousFault.BrakingFailure => FaultSystem.Braking,
        EarlySeriousFault.BodyCracking => FaultSystem.Body,
        EarlySeriousFault.FuelLeak => FaultSystem.FuelSystem,
        EarlySeriousFault.PowerBatteryFire => FaultSystem.PowerBattery,
    };

    /// <summary>The assemblies that can be replaced whole (总成): engine, transmission, power battery, drive motor.</summary>
    public static bool IsMajorAssembly(FaultSystem system) =>
        system is FaultSystem.Engine or FaultSystem.Transmission or FaultSystem.PowerBattery or FaultSystem.DriveMotor;

    /// <summary>
    /// Checks a job's fault and its parts marked as main components; <paramref name="field"/> is the job's path
    /// (<c>Jobs[0]</c>) so the refusal lands on the field the editor sent.
    /// </summary>
    public static FieldError? Check(JobFault? fault, IReadOnlyList<PartLineInput> parts, string field)
    {
        if (fault is not null)
        {
            if (string.IsNullOrWhiteSpace(fault.FaultCode) || fault.FaultCode.Trim().Length > FaultCodeMaxLength)
            {
                return new FieldError(CodeRequired, $"{field}.Fault.FaultCode");
            }

            if (fault.EarlyFault is { } early)
            {
                if (SystemOf(early) != fault.System)
                {
                    return new FieldError(EarlyFaultSystem, $"{field}.Fault.EarlyFault");
                }

                if (!fault.SeriousSafetyFault)
                {
                    return new FieldError(EarlyFaultNotSerious, $"{field}.Fault.SeriousSafetyFault");
                }
            }
        }

        for (var k = 0; k < parts.Count; k++)
        {
            if (parts[k].MainComponentOf is not { } system)
            {
                continue;
            }

            if (fault is null)
            {
                return new FieldError(ComponentWithoutFault, $"{field}.Parts[{k}].MainComponentOf");
            }

            if (parts[k].WholeAssembly && !IsMajorAssembly(system))
            {
                return new FieldError(WholeAssemblyNotMajor, $"{field}.Parts[{k}].WholeAssembly");
            }
        }

        return null;
    }
}

/// <summary>A part line marked as a main component of a system (for the 三包 count of replaced components), and whether it is the whole assembly.</summary>
public sealed record MainComponentMark(FaultSystem? MainComponentOf, bool WholeAssembly = false);
