using DistrictOps.Web.Modules.Directory.Data;

namespace DistrictOps.UnitTests.Modules.Directory;

public sealed class SiteTypesTests
{
    [Theory]
    [InlineData(OrgType.School, "TK,KG,01,02,03,04,05", SiteType.Elementary)]
    [InlineData(OrgType.School, "KG,01,02,03,04,05,06", SiteType.Elementary)]
    [InlineData(OrgType.School, "06,07,08", SiteType.Middle)]
    [InlineData(OrgType.School, "09,10,11,12", SiteType.High)]
    [InlineData(OrgType.School, "KG,01,02,03,04,05,06,07,08", SiteType.Other)]
    [InlineData(OrgType.School, "", SiteType.Other)]
    [InlineData(OrgType.District, "", SiteType.District)]
    [InlineData(OrgType.Department, "09", SiteType.Administrative)]
    public void A_site_type_follows_the_grades_offered(OrgType orgType, string grades, SiteType expected) =>
        Assert.Equal(expected, SiteTypes.Derive(orgType, grades));

    [Fact]
    public void Grades_are_listed_once_in_school_order() =>
        Assert.Equal("TK,KG,01,10", SiteTypes.Normalize(["10", "KG", "01", "TK", "KG", "10"]));
}
