using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Observability;
using YamlDotNet.RepresentationModel;

namespace EmployeeDirectory.Tests.ScaleOut;

/// <summary>deploy/k8s: the probes use the app's health endpoints, the ingress keeps a browser on its pod, and the pieces refer to each other correctly.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = RepositoryLayout.Combine("deploy", "k8s");
    private readonly IReadOnlyList<YamlMappingNode> _manifests;
    private readonly YamlMappingNode _deployment;
    private readonly YamlNode _container;

    public KubernetesManifestTests()
    {
        _manifests = [.. Directory.GetFiles(Folder, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").SelectMany(Yaml.DocumentsIn)];
        _deployment = _manifests.Manifest("Deployment");
        _container = Assert.Single(_deployment.At("spec", "template", "spec", "containers").Items());
    }

    [Fact]
    public void TheKustomizationAppliesEveryManifestInTheFolder()
    {
        var listed = Yaml.DocumentsIn(Path.Combine(Folder, "kustomization.yaml")).Single().At("resources").Items().Select(r => r.Text()).Order();
        var present = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order();
        Assert.Equal(present, listed);
    }

    [Fact]
    public void ProbesCallTheHealthEndpointsOnTheManagementPortWhichTheAppServesThemOn()
    {
        Assert.Equal(ObservabilityHostingExtensions.ReadyPath, _container.Text("readinessProbe", "httpGet", "path"));
        Assert.Equal(ObservabilityHostingExtensions.LivePath, _container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal(ObservabilityHostingExtensions.LivePath, _container.Text("startupProbe", "httpGet", "path"));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            Assert.Equal("management", _container.Text(probe, "httpGet", "port"));
        }

        var ports = _container.At("ports").Items().ToDictionary(port => port.Text("name"), port => port.Text("containerPort"));
        Assert.EndsWith($":{ports["management"]}", Env(_container, "Management__Urls").Text("value"), StringComparison.Ordinal);

        // The image listens where the Dockerfile says.
        Assert.Contains($"ASPNETCORE_HTTP_PORTS={ports["http"]}", File.ReadAllText(RepositoryLayout.Combine("Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public void ThePodRunsLockedDown()
    {
        var pod = _deployment.At("spec", "template", "spec");
        Assert.Equal("true", pod.Text("securityContext", "runAsNonRoot"));
        Assert.Equal("false", _container.Text("securityContext", "allowPrivilegeEscalation"));
        Assert.Equal("true", _container.Text("securityContext", "readOnlyRootFilesystem"));
        Assert.Equal(["ALL"], _container.At("securityContext", "capabilities", "drop").Items().Select(item => item.Text()));

        // A writable /tmp is all the runtime needs beside the read-only root.
        var tmp = Assert.Single(_container.At("volumeMounts").Items(), mount => mount.Text("mountPath") == "/tmp").Text("name");
        Assert.NotNull(Assert.Single(pod.At("volumes").Items(), volume => volume.Text("name") == tmp).Find("emptyDir"));
    }

    [Fact]
    public void TheKeyRingIsEncryptedWithTheCertificateMountedFromItsSecret()
    {
        var pod = _deployment.At("spec", "template", "spec");
        var path = Env(_container, "DataProtection__CertificatePath").Text("value");
        var mount = Assert.Single(_container.At("volumeMounts").Items(), m => path.StartsWith(m.Text("mountPath") + "/", StringComparison.Ordinal));
        Assert.Equal("true", mount.Text("readOnly"));
        var volume = Assert.Single(pod.At("volumes").Items(), v => v.Text("name") == mount.Text("name"));
        Assert.Equal("employee-directory-key-ring", volume.Text("secret", "secretName"));
        Assert.Equal("DataProtection__CertificatePassword", Env(_container, "DataProtection__CertificatePassword").Text("valueFrom", "secretKeyRef", "key"));
    }

    [Fact]
    public void ANetworkPolicyLetsInOnlyTheIngressAndPrometheusAndLetsOutOnlyDnsTheDatabaseAndRedis()
    {
        var policy = _manifests.Manifest("NetworkPolicy");
        var selector = policy.At("spec", "podSelector", "matchLabels");
        var podLabels = _deployment.At("spec", "template", "metadata", "labels");
        Assert.All(selector.Keys(), key => Assert.Equal(selector.Text(key), podLabels.Text(key)));
        Assert.Equal(["Ingress", "Egress"], policy.At("spec", "policyTypes").Items().Select(item => item.Text()));

        var from = policy.At("spec", "ingress").Items()
            .ToDictionary(rule => Assert.Single(rule.At("from").Items()).Text("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"), rule => rule.At("ports").Items().Select(port => port.Text("port")).Order().ToList());
        Assert.Equal(["http", "management"], from["ingress-nginx"]);
        Assert.Equal(["management"], from["monitoring"]);
        var egress = policy.At("spec", "egress").Items().SelectMany(rule => rule.At("ports").Items().Select(port => port.Text("port"))).Distinct().Order();
        Assert.Equal(["1433", "53", "6379", "6380"], egress);
    }

    [Fact]
    public void UpgradesReplaceOnePodAtATimeAndEachPodNamesItself()
    {
        Assert.Equal("0", _deployment.Text("spec", "strategy", "rollingUpdate", "maxUnavailable"));
        Assert.Equal("metadata.name", Env(_container, "Replica__Name").Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("SqlServer", Env(_container, "Database__Provider").Text("value"));
    }

    [Fact]
    public void TheConnectionStringsComeFromTheSecret()
    {
        var secret = _manifests.Manifest("Secret");
        var keys = secret.At("stringData").Keys().ToHashSet();
        foreach (var name in new[] { "ConnectionStrings__Directory", "ConnectionStrings__Redis" })
        {
            var reference = Env(_container, name).At("valueFrom", "secretKeyRef");
            Assert.Equal(secret.Text("metadata", "name"), reference.Text("name"));
            Assert.Contains(reference.Text("key"), keys);
        }

        // Every secret the pod reads exists in the Secret.
        foreach (var variable in _container.At("env").Items().Where(v => v.Find("valueFrom", "secretKeyRef") is not null))
        {
            Assert.Contains(variable.Text("valueFrom", "secretKeyRef", "key"), keys);
        }
    }

    [Fact]
    public void TheIngressKeepsABrowserOnItsPodWithTheAffinityCookieAndReachesTheService()
    {
        var ingress = _manifests.Manifest("Ingress", "employee-directory");
        var annotations = ingress.At("metadata", "annotations");
        Assert.Equal("cookie", annotations.Text("nginx.ingress.kubernetes.io/affinity"));
        Assert.Equal("persistent", annotations.Text("nginx.ingress.kubernetes.io/affinity-mode"));
        Assert.Equal(ClusterFixture.AffinityCookie, annotations.Text("nginx.ingress.kubernetes.io/session-cookie-name"));
        Assert.True(int.Parse(annotations.Text("nginx.ingress.kubernetes.io/proxy-read-timeout"), System.Globalization.CultureInfo.InvariantCulture) >= 3600);

        var service = _manifests.Manifest("Service");
        var backend = Assert.Single(Assert.Single(ingress.At("spec", "rules").Items()).At("http", "paths").Items()).At("backend", "service");
        Assert.Equal(service.Text("metadata", "name"), backend.Text("name"));
        Assert.Equal("http", backend.Text("port", "name"));
        Assert.Contains(service.At("spec", "ports").Items(), port => port.Text("name") == "http" && port.Text("targetPort") == "http");
        var selector = service.At("spec", "selector");
        var podLabels = _deployment.At("spec", "template", "metadata", "labels");
        Assert.All(selector.Keys(), key => Assert.Equal(selector.Text(key), podLabels.Text(key)));
    }

    [Fact]
    public void HealthAndMetricsThroughTheIngressAreLimitedToTheOperatorsNetwork()
    {
        var operations = _manifests.Manifest("Ingress", "employee-directory-operations");
        Assert.NotEmpty(operations.Text("metadata", "annotations", "nginx.ingress.kubernetes.io/whitelist-source-range"));
        var paths = Assert.Single(operations.At("spec", "rules").Items()).At("http", "paths").Items().ToList();
        Assert.Equal([ObservabilityHostingExtensions.MetricsPath, "/health"], paths.Select(p => p.Text("path")));
        Assert.All(paths, path => Assert.Equal("management", path.Text("backend", "service", "port", "name")));
    }

    private static YamlNode Env(YamlNode container, string name) =>
        Assert.Single(container.At("env").Items(), variable => variable.Text("name") == name);
}
