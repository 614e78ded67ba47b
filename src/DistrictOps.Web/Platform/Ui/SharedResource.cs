namespace DistrictOps.Web.Platform.Ui;

/// <summary>Marker for the shared UI strings in SharedResource.resx and its translations.</summary>
public sealed class SharedResource;
