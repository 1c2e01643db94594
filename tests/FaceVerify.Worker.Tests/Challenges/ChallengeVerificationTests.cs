using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FaceVerify.Contracts;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Json;
using FaceVerify.Worker.Records;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace FaceVerify.Worker.Tests.Challenges;

/// <summary>
/// <c>POST /v1/verifications</c> with a <c>challengeId</c>, end to end through the in-memory bus and the real core:
/// expired, unknown and reused challenges are refused, and a held-out render subject's real 3-D turns pass the steps
/// in the order asked and fail them shuffled. The challenges are put in the store directly so the steps are known.
/// </summary>
public sealed class ChallengeVerificationTests(InProcessWorker worker) : IClassFixture<InProcessWorker>
{
    private static readonly string Obama = FaceVerify.Tests.SharedData.Path("identity/face_recognition/examples__obama.jpg");
    private static readonly string Obama2 = FaceVerify.Tests.SharedData.Path("identity/face_recognition/examples__obama2.jpg");

    private static string Render(int subject, int yaw) =>
        FaceVerify.Tests.SharedData.Path($"pose/facepose_net_renders/subject{subject}_a_rendered_aug_-{yaw:00}_00_10.jpg");

    [Fact]
    public async Task An_expired_or_unknown_challenge_is_refused_with_a_retake()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = await IssueAsync([ChallengeStep.TurnLeft, ChallengeStep.TurnRight], now.AddMinutes(-10), now.AddMinutes(-9));
        foreach (var challengeId in new[] { expired, "0123456789abcdef0123456789abcdef" })
        {
            var completed = await SubmitAsync(Form(File.ReadAllBytes(Obama), [File.ReadAllBytes(Obama2)], challengeId));
            Assert.Equal(Verdicts.Fail, completed.Verdict);
            Assert.Contains(completed.Findings, f => f.Code == "challenge.expired" && f.Severity == "block");
            Assert.DoesNotContain(completed.Findings, f => f.Code == "challenge.reused");
            Assert.True(completed.RetakeAllowed, string.Join(", ", completed.Findings.Select(f => f.Code)));
        }
    }

    [Fact]
    public async Task A_challenge_used_by_one_verification_is_refused_to_another_and_a_person_must_look()
    {
        var now = DateTimeOffset.UtcNow;
        var challengeId = await IssueAsync([ChallengeStep.TurnRight, ChallengeStep.TurnLeft], now, now.AddHours(1));
        var first = await SubmitAsync(Form(File.ReadAllBytes(Obama), [File.ReadAllBytes(Obama2)], challengeId));
        Assert.DoesNotContain(first.Findings, f => f.Code is "challenge.reused" or "challenge.expired");
        Assert.Contains(first.Findings, f => f.Code == "challenge.frames_mismatch");  // 1 frame for 2 steps

        var second = await SubmitAsync(Form(File.ReadAllBytes(Obama), [File.ReadAllBytes(Obama2)], challengeId));
        Assert.Equal(Verdicts.Fail, second.Verdict);
        Assert.Contains(second.Findings, f => f.Code == "challenge.reused" && f.Severity == "block");
        Assert.False(second.RetakeAllowed);
        // A re-run of the stored evidence keeps the refusal.
        var rerun = await RerunAsync(second.VerificationId);
        Assert.Contains(rerun.Findings, f => f.Code == "challenge.reused");
        Assert.False(rerun.RetakeAllowed);
        // The redeemed challenge stays the first verification's.
        var again = await worker.Services.GetRequiredService<IChallengeStore>().RedeemAsync(challengeId, first.VerificationId, now.AddMinutes(1), default);
        Assert.Equal(ChallengeRedemptionStatus.Redeemed, again.Status);
    }

    [Fact]
    public async Task Of_verifications_sent_at_once_with_one_challenge_exactly_one_may_use_it()
    {
        var now = DateTimeOffset.UtcNow;
        var challengeId = await IssueAsync([ChallengeStep.TurnLeft, ChallengeStep.TurnRight], now, now.AddHours(1));
        var idPhoto = File.ReadAllBytes(Obama);
        var snapshot = File.ReadAllBytes(Obama2);

        // The race itself is the store's (ChallengeStoreContract.ConcurrentAsync); here the whole path answers it.
        var completed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SubmitAsync(Form(idPhoto, [snapshot], challengeId))));

        Assert.Equal(4, completed.Select(c => c.VerificationId).Distinct().Count());
        Assert.Single(completed, c => !c.Findings.Any(f => f.Code == "challenge.reused"));
        Assert.Equal(3, completed.Count(c => c.Findings.Any(f => f.Code == "challenge.reused") && !c.RetakeAllowed));
    }

    [Fact]
    public async Task Real_turns_of_a_held_out_render_subject_follow_the_steps_and_shuffled_they_do_not()
    {
        // Subject 7 was never used to choose the thresholds. Its -40 render reads a positive yaw (the subject's own
        // right, see docs/challenge.md); the mirrored copy is the turn to the left.
        var front = File.ReadAllBytes(Render(7, 0));
        var right = File.ReadAllBytes(Render(7, 40));
        var left = Mirrored(right);
        var now = DateTimeOffset.UtcNow;
        ChallengeStep[] steps = [ChallengeStep.TurnRight, ChallengeStep.TurnLeft];

        var followed = await SubmitAsync(Form(front, [front, right, left], await IssueAsync(steps, now, now.AddHours(1))));
        Assert.DoesNotContain(followed.Findings, f => f.Code.StartsWith("challenge.", StringComparison.Ordinal));
        var m = followed.Scores.Measurements;
        Assert.True(m["challenge.step1.turn_right"] >= 25, $"step 1 reads {m["challenge.step1.turn_right"]}");
        Assert.True(m["challenge.step2.turn_left"] >= 25, $"step 2 reads {m["challenge.step2.turn_left"]}");
        Assert.True(m["challenge.headMotion"] >= 0.064, $"head motion {m["challenge.headMotion"]}");
        // The renders are 224×224, under the snapshot rule's resolution: that is the only blocking finding; the challenge adds none.
        Assert.Equal(["snapshot.resolution_too_low"], followed.Findings.Where(f => f.Severity == "block").Select(f => f.Code));

        // The report shows the three frames side by side with their step readings.
        using (var report = worker.Admin(HttpMethod.Get, $"/v1/verifications/{followed.VerificationId}/report?lang=en"))
        {
            var html = await (await worker.Http.SendAsync(report)).Content.ReadAsStringAsync();
            Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(html, "<figure data-challenge-frame=").Count);
            Assert.Contains("data-step-reading=\"challenge.step2.turn_left\"", html);
        }

        // A re-run judges the same challenge's steps again from the store.
        var rerun = await RerunAsync(followed.VerificationId);
        Assert.Equal(2, rerun.Attempt);
        Assert.Equal(m["challenge.step1.turn_right"], rerun.Scores.Measurements["challenge.step1.turn_right"]);
        Assert.DoesNotContain(rerun.Findings, f => f.Code.StartsWith("challenge.", StringComparison.Ordinal));

        var shuffled = await SubmitAsync(Form(front, [front, left, right], await IssueAsync(steps, now, now.AddHours(1))));
        Assert.Equal(Verdicts.Fail, shuffled.Verdict);
        Assert.Contains(shuffled.Findings, f => f.Code == "challenge.not_followed");
        Assert.True(shuffled.RetakeAllowed);
        Assert.Equal(followed.Scores.Measurements["challenge.headMotion"], shuffled.Scores.Measurements["challenge.headMotion"], 3);
    }

    [Fact]
    public async Task An_attempt_whose_frame_cannot_be_decoded_uses_its_challenge()
    {
        var now = DateTimeOffset.UtcNow;
        var challengeId = await IssueAsync([ChallengeStep.TurnLeft], now, now.AddHours(1));
        var completed = await SubmitAsync(Form(File.ReadAllBytes(Obama), [File.ReadAllBytes(Obama2), "not a picture"u8.ToArray()], challengeId));
        Assert.Equal(Verdicts.Fail, completed.Verdict);
        Assert.DoesNotContain(completed.Findings, f => f.Code is "challenge.reused" or "challenge.expired");
        await AssertUsedByAsync(challengeId, completed.VerificationId);
    }

    [Fact]
    public async Task An_attempt_whose_images_cannot_be_obtained_uses_its_challenge_and_a_redelivery_keeps_its_answer()
    {
        var now = DateTimeOffset.UtcNow;
        var challengeId = await IssueAsync([ChallengeStep.TurnLeft, ChallengeStep.TurnRight], now, now.AddHours(1));
        var unreachable = new ImageInput { Url = new Uri("https://not-allowed.invalid/frame.jpg") };
        var request = new VerifyIdentity
        {
            VerificationId = Guid.NewGuid(), CandidateId = "c-14", ExamId = "e-14", IdPhoto = unreachable, Snapshot = unreachable,
            ExtraFrames = [unreachable, unreachable], ChallengeId = challengeId, RequestedAt = now,
        };
        using var scope = worker.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<FaceVerify.Worker.Verification.IVerificationService>();
        var first = await service.VerifyAsync(request, default);
        Assert.Equal(Verdicts.Fail, first.Completed.Verdict);
        Assert.True(first.Completed.RetakeAllowed);
        Assert.DoesNotContain(first.Completed.Findings, f => f.Code.StartsWith("challenge.", StringComparison.Ordinal));
        await AssertUsedByAsync(challengeId, request.VerificationId);
        var again = await service.VerifyAsync(request, default);
        Assert.True(again.FromRecord);
        Assert.Equal(first.Completed.Findings.Select(f => f.Code), again.Completed.Findings.Select(f => f.Code));
    }

    /// <summary>The challenge is this verification's: redeeming it again for the same one succeeds, for any other it is reused.</summary>
    private async Task AssertUsedByAsync(string challengeId, Guid verificationId)
    {
        var store = worker.Services.GetRequiredService<IChallengeStore>();
        var later = DateTimeOffset.UtcNow.AddMinutes(1);
        Assert.Equal(ChallengeRedemptionStatus.Reused, (await store.RedeemAsync(challengeId, Guid.NewGuid(), later, default)).Status);
        Assert.Equal(ChallengeRedemptionStatus.Redeemed, (await store.RedeemAsync(challengeId, verificationId, later, default)).Status);
    }

    private async Task<string> IssueAsync(ChallengeStep[] steps, DateTimeOffset issued, DateTimeOffset expires)
    {
        var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        await worker.Services.GetRequiredService<IChallengeStore>().IssueAsync(new StoredChallenge(id, steps, "default", issued, expires), default);
        return id;
    }

    private async Task<IdentityVerificationCompleted> RerunAsync(Guid verificationId)
    {
        using var scope = worker.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FaceVerify.Worker.Verification.IVerificationService>().RerunAsync(
            new RerunVerification { VerificationId = verificationId, Reason = "appeal", RequestedBy = "proctor" }, default);
    }

    private static byte[] Mirrored(byte[] jpeg)
    {
        using var image = Image.Load(jpeg);
        image.Mutate(x => x.Flip(FlipMode.Horizontal));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    private async Task<IdentityVerificationCompleted> SubmitAsync(MultipartFormDataContent form)
    {
        using var request = worker.Admin(HttpMethod.Post, "/v1/verifications", form);
        using var response = await worker.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<IdentityVerificationCompleted>(await response.Content.ReadAsStringAsync(), FaceVerifyJson.Options)!;
    }

    /// <summary>The snapshot is frame 0 (before the first step), each <c>frame</c> part the one after a step, in order.</summary>
    private static MultipartFormDataContent Form(byte[] idPhoto, byte[][] snapshotThenFrames, string challengeId)
    {
        var form = new MultipartFormDataContent { { new StringContent("c-14"), "candidateId" }, { new StringContent(challengeId), "challengeId" } };
        Add(form, idPhoto, "idPhoto");
        Add(form, snapshotThenFrames[0], "snapshot");
        foreach (var frame in snapshotThenFrames.Skip(1)) Add(form, frame, "frame");
        return form;
    }

    private static void Add(MultipartFormDataContent form, byte[] bytes, string name)
    {
        var image = new ByteArrayContent(bytes);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(image, name, name + ".jpg");
    }
}
