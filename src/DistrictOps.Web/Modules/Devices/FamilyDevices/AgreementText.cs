using System.Globalization;

namespace DistrictOps.Web.Modules.Devices.FamilyDevices;

/// <summary>
/// The device agreement a family signs online, in English and Spanish. It says what California allows: the family is
/// responsible only for a device not returned or damaged on purpose (EC 48904); device protection is voluntary and no
/// deposit is asked (EC 49010-49013); a fee never keeps a student from a device.
/// </summary>
public static class AgreementText
{
    private static readonly string[] English =
    [
        "The district lends your child a device for learning. The device stays the district's property.",
        "Your child keeps the device charged and in its case, does not lend it to anyone, and brings it to school each day the teacher asks.",
        "Tell the school right away if the device is lost, stolen or damaged. For a theft, report it to the police and give the school the report number.",
        "The family is responsible only for a device that is not returned, or that is damaged on purpose. Accidental damage is repaired by the district or the warranty.",
        "Device protection is voluntary. You may choose it or not; no deposit is asked, and your child has a device either way.",
        "A fee never keeps your child from having a device. Any charge can be discussed with the school, and may be waived.",
        "The device and what came with it (such as the charger and case) go back to the school at the end of the school year, or when your child leaves the school.",
    ];

    private static readonly string[] Spanish =
    [
        "El distrito le presta a su hijo o hija un dispositivo para aprender. El dispositivo sigue siendo propiedad del distrito.",
        "Su hijo o hija mantiene el dispositivo cargado y en su funda, no se lo presta a nadie y lo lleva a la escuela cada día que el maestro lo pida.",
        "Avise a la escuela enseguida si el dispositivo se pierde, se lo roban o se daña. En caso de robo, denúncielo a la policía y dé a la escuela el número de la denuncia.",
        "La familia es responsable solo de un dispositivo que no se devuelve o que se daña a propósito. El distrito o la garantía reparan los daños accidentales.",
        "La protección del dispositivo es voluntaria. Puede elegirla o no; no se pide ningún depósito, y su hijo o hija tiene un dispositivo en cualquier caso.",
        "Un cargo nunca impide que su hijo o hija tenga un dispositivo. Cualquier cargo se puede hablar con la escuela y se puede perdonar.",
        "El dispositivo y lo que vino con él (como el cargador y la funda) se devuelven a la escuela al final del año escolar, o cuando su hijo o hija deja la escuela.",
    ];

    /// <summary>The agreement's paragraphs in <paramref name="culture"/>'s language: Spanish for Spanish, else English.</summary>
    public static IReadOnlyList<string> For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "es" ? Spanish : English;
}
