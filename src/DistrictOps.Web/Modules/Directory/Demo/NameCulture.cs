namespace DistrictOps.Web.Modules.Directory.Demo;

[Flags]
internal enum Race
{
    None = 0,
    AmericanIndianOrAlaskaNative = 1,
    Asian = 2,
    BlackOrAfricanAmerican = 4,
    NativeHawaiianOrOtherPacificIslander = 8,
    White = 16,
}

/// <summary>
/// Name lists for the families of a Bay Area district, with the race, ethnicity and birth-country shares that go
/// with them, so that a generated family is coherent. Shares are rough and only for realistic-looking demo data.
/// </summary>
internal sealed record NameCulture(
    string Key,
    IReadOnlyList<string> Female,
    IReadOnlyList<string> Male,
    IReadOnlyList<string> Family,
    IReadOnlyList<Weighted<Race>> Races,
    double HispanicShare,
    double ForeignBornShare,
    IReadOnlyList<string> ForeignBirthCountries)
{
    public static readonly NameCulture Spanish = new(
        "spanish",
        ["Sofía", "Isabella", "Camila", "Valentina", "Ximena", "María", "Guadalupe", "Daniela", "Mariana", "Lucía", "Gabriela", "Fernanda",
         "Natalia", "Jimena", "Andrea", "Alejandra", "Paola", "Yesenia", "Araceli", "Leticia", "Rosa", "Carmen", "Esperanza", "Itzel",
         "Citlali", "Abril", "Renata", "Karla", "Brenda", "Vanessa"],
        ["Santiago", "Mateo", "Sebastián", "Diego", "Alejandro", "José", "Juan", "Luis", "Carlos", "Miguel", "Ángel", "Jesús",
         "Emiliano", "Leonardo", "Daniel", "Adrián", "Jorge", "Ricardo", "Fernando", "Eduardo", "Francisco", "Javier", "Rafael", "Óscar",
         "Iván", "Andrés", "Gael", "Joaquín", "Marco", "Raúl"],
        ["García", "Hernández", "López", "Martínez", "González", "Rodríguez", "Pérez", "Sánchez", "Ramírez", "Flores", "Torres", "Rivera",
         "Gómez", "Díaz", "Reyes", "Morales", "Cruz", "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Vásquez", "Castillo", "Jiménez",
         "Mendoza", "Ruiz", "Álvarez", "Romero", "Herrera", "Medina", "Aguilar", "Vargas", "Castro", "Guzmán", "Mejía", "Rojas",
         "Contreras", "Salazar", "Estrada", "Delgado", "Cervantes", "Orozco", "Zamora", "Barajas", "Villalobos", "Magaña", "De la Cruz"],
        [new(Race.White, 52), new(Race.None, 25), new(Race.AmericanIndianOrAlaskaNative, 8), new(Race.White | Race.AmericanIndianOrAlaskaNative, 10),
         new(Race.BlackOrAfricanAmerican, 3), new(Race.White | Race.BlackOrAfricanAmerican, 2)],
        HispanicShare: 0.96,
        ForeignBornShare: 0.09,
        ["MX", "MX", "MX", "GT", "SV", "HN", "NI"]);

    public static readonly NameCulture English = new(
        "english",
        ["Olivia", "Emma", "Ava", "Charlotte", "Amelia", "Mia", "Harper", "Evelyn", "Abigail", "Emily", "Madison", "Aaliyah",
         "Jasmine", "Destiny", "Imani", "Brianna", "Kayla", "Zoe", "Chloe", "Grace", "Hannah", "Nevaeh", "Taylor", "Jada",
         "Ashley", "Sarah", "Morgan", "Kennedy"],
        ["Liam", "Noah", "Oliver", "Elijah", "James", "William", "Benjamin", "Lucas", "Henry", "Jackson", "Jayden", "Jordan",
         "Isaiah", "Malik", "Darius", "Xavier", "Tyler", "Ethan", "Caleb", "Josiah", "Marcus", "Andre", "Jalen", "Cameron",
         "Dylan", "Ryan", "Michael", "David"],
        ["Smith", "Johnson", "Williams", "Brown", "Jones", "Davis", "Miller", "Wilson", "Moore", "Taylor", "Anderson", "Thomas",
         "Jackson", "White", "Harris", "Martin", "Thompson", "Robinson", "Clark", "Lewis", "Walker", "Hall", "Allen", "Young",
         "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Washington", "Jefferson", "Brooks",
         "Coleman", "Bell", "Murphy", "Sullivan", "O'Brien", "McCarthy"],
        [new(Race.BlackOrAfricanAmerican, 44), new(Race.White, 33), new(Race.BlackOrAfricanAmerican | Race.White, 12), new(Race.White | Race.Asian, 4),
         new(Race.AmericanIndianOrAlaskaNative, 2), new(Race.NativeHawaiianOrOtherPacificIslander, 2), new(Race.None, 3)],
        HispanicShare: 0.04,
        ForeignBornShare: 0.02,
        ["CA", "GB", "JM", "ET", "NG"]);

    public static readonly NameCulture Vietnamese = new(
        "vietnamese",
        ["Linh", "Mai", "Lan", "Thao", "Trang", "Ngoc", "Huong", "Anh", "Vy", "Thu", "Hanh", "Quyen", "Nhi", "Hoa", "Diem", "Tuyet", "Phuong", "Yen"],
        ["Minh", "Huy", "Khoa", "Bao", "Nam", "Tuan", "Long", "Hung", "Quang", "Duy", "Phuc", "Thanh", "Vinh", "Tam", "Khang", "Trung", "Hieu", "Son"],
        ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Truong", "Dinh", "Lam", "Chau"],
        [new(Race.Asian, 94), new(Race.Asian | Race.White, 4), new(Race.None, 2)],
        HispanicShare: 0.01,
        ForeignBornShare: 0.06,
        ["VN"]);

    public static readonly NameCulture Chinese = new(
        "chinese",
        ["Mei", "Xin", "Yan", "Jing", "Hui", "Ying", "Xiu", "Lin", "Fang", "Wen", "Qing", "Jia", "Ling", "Ting", "Shu", "Emily", "Grace", "Jennifer"],
        ["Wei", "Jun", "Hao", "Jian", "Ming", "Lei", "Tao", "Yong", "Kai", "Zhi", "Feng", "Qiang", "Hong", "Cheng", "Jie", "Kevin", "Eric", "Justin"],
        ["Wong", "Chan", "Li", "Chen", "Lee", "Liu", "Huang", "Zhang", "Lin", "Wu", "Yang", "Zhou", "Ng", "Lam", "Cheung", "Ho",
         "Tang", "Leung", "Yu", "Xu", "Zhao", "Ma", "Lau", "Fong"],
        [new(Race.Asian, 93), new(Race.Asian | Race.White, 5), new(Race.None, 2)],
        HispanicShare: 0.01,
        ForeignBornShare: 0.07,
        ["CN", "CN", "HK", "TW"]);

    public static readonly NameCulture Filipino = new(
        "filipino",
        ["Maria", "Angelica", "Kristine", "Jasmine", "Princess", "Rowena", "Lorna", "Analyn", "Joy", "Charmaine", "Hazel", "Rhea",
         "Liza", "Maricel", "Cristina", "Janelle", "Nicole", "Mary Grace"],
        ["Jose", "Juan", "Mark", "Ramon", "Rommel", "Jomar", "Reynaldo", "Jerome", "Ariel", "Noel", "Jericho", "Paolo",
         "Rodel", "Christian", "Emmanuel", "Dante", "Rogelio", "Ernesto"],
        ["Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Tomas", "Andrada", "Villanueva", "Ramos", "Aquino",
         "Navarro", "Mercado", "Dela Cruz", "De Guzman", "Pascual", "Manalo", "Dizon", "Soriano", "Lacson", "Macaraeg", "Tolentino", "Magbanua"],
        [new(Race.Asian, 84), new(Race.Asian | Race.NativeHawaiianOrOtherPacificIslander, 5), new(Race.Asian | Race.White, 6), new(Race.None, 5)],
        HispanicShare: 0.05,
        ForeignBornShare: 0.06,
        ["PH"]);

    public static readonly NameCulture Arabic = new(
        "arabic",
        ["Fatima", "Aisha", "Mariam", "Layla", "Noor", "Yasmin", "Salma", "Huda", "Rania", "Amira", "Lina", "Sara", "Hana", "Zainab", "Rahma", "Dina"],
        ["Mohammed", "Ahmed", "Omar", "Ali", "Yusuf", "Khalid", "Hassan", "Ibrahim", "Karim", "Tariq", "Samir", "Bilal", "Hamza", "Adam", "Zaid", "Mustafa"],
        ["Haddad", "Khoury", "Nasser", "Saleh", "Mansour", "Abdullah", "Hamdan", "Said", "Aziz", "Qasim", "Farah", "Yousef", "Darwish", "Awad",
         "Shaheen", "Jaber", "Odeh", "Al-Amin", "El-Sayed"],
        [new(Race.White, 84), new(Race.None, 13), new(Race.White | Race.BlackOrAfricanAmerican, 3)],
        HispanicShare: 0.01,
        ForeignBornShare: 0.15,
        ["YE", "YE", "SY", "AF", "EG", "JO"]);

    public static readonly IReadOnlyList<Weighted<NameCulture>> Students =
        [new(Spanish, 52), new(English, 30), new(Filipino, 6), new(Chinese, 5), new(Vietnamese, 4), new(Arabic, 3)];

    public static readonly IReadOnlyList<Weighted<NameCulture>> Staff =
        [new(English, 50), new(Spanish, 25), new(Chinese, 8), new(Filipino, 8), new(Vietnamese, 5), new(Arabic, 4)];
}
