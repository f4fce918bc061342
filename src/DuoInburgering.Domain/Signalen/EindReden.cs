namespace DuoInburgering.Domain.Signalen;

/// <summary>Why an obligation ended; decides SS106/107/108/110/111.</summary>
public enum EindReden
{
    Diploma,
    Vrijstelling,
    Ontheffing,
    Ingetrokken,
    Overleden,
}
