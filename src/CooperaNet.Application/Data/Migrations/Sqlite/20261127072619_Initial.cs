using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mandates",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Paragraph = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Summary_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Summary_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Summary_Pt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Text_En = table.Column<string>(type: "TEXT", nullable: true),
                    Text_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Text_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Text_Pt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mandates", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "MemberStates",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Alpha3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Numeric = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Subregion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsSmallIslandDevelopingState = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLeastDevelopedCountry = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Name_Pt = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    OfficialName_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OfficialName_Es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OfficialName_Fr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OfficialName_Pt = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberStates", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceDatasets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDatasets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "SdgGoals",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ShortName_En = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ShortName_Es = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ShortName_Fr = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ShortName_Pt = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SdgGoals", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "SectorCategories",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    IsWithdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Pt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectorCategories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "StateGroups",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Pt = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateGroups", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "WorkingGroups",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_Pt = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingGroups", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MemberStateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_MemberStates_MemberStateCode",
                        column: x => x.MemberStateCode,
                        principalTable: "MemberStates",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SdgTargets",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    GoalNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SdgTargets", x => x.Code);
                    table.ForeignKey(
                        name: "FK_SdgTargets_SdgGoals_GoalNumber",
                        column: x => x.GoalNumber,
                        principalTable: "SdgGoals",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sectors",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    IsWithdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Pt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sectors", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Sectors_SectorCategories_CategoryCode",
                        column: x => x.CategoryCode,
                        principalTable: "SectorCategories",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StateGroupMemberships",
                columns: table => new
                {
                    GroupCode = table.Column<string>(type: "TEXT", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateGroupMemberships", x => new { x.GroupCode, x.StateCode });
                    table.ForeignKey(
                        name: "FK_StateGroupMemberships_MemberStates_StateCode",
                        column: x => x.StateCode,
                        principalTable: "MemberStates",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StateGroupMemberships_StateGroups_GroupCode",
                        column: x => x.GroupCode,
                        principalTable: "StateGroups",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkingGroupMember",
                columns: table => new
                {
                    WorkingGroupCode = table.Column<string>(type: "TEXT", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingGroupMember", x => new { x.WorkingGroupCode, x.StateCode });
                    table.ForeignKey(
                        name: "FK_WorkingGroupMember_MemberStates_StateCode",
                        column: x => x.StateCode,
                        principalTable: "MemberStates",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkingGroupMember_WorkingGroups_WorkingGroupCode",
                        column: x => x.WorkingGroupCode,
                        principalTable: "WorkingGroups",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlans",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkingGroupCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Objective_En = table.Column<string>(type: "TEXT", nullable: true),
                    Objective_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Objective_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Objective_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlans", x => x.Code);
                    table.ForeignKey(
                        name: "FK_WorkPlans_WorkingGroups_WorkingGroupCode",
                        column: x => x.WorkingGroupCode,
                        principalTable: "WorkingGroups",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hint = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkPlanCode = table.Column<string>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Calendar_En = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Calendar_Es = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Calendar_Fr = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Calendar_Pt = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExpectedResult_En = table.Column<string>(type: "TEXT", nullable: true),
                    ExpectedResult_Es = table.Column<string>(type: "TEXT", nullable: true),
                    ExpectedResult_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    ExpectedResult_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Responsible_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Responsible_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Responsible_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Responsible_Pt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkPlanActions_WorkPlans_WorkPlanCode",
                        column: x => x.WorkPlanCode,
                        principalTable: "WorkPlans",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlanActionMandate",
                columns: table => new
                {
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    MandateCode = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlanActionMandate", x => new { x.ActionId, x.MandateCode });
                    table.ForeignKey(
                        name: "FK_WorkPlanActionMandate_Mandates_MandateCode",
                        column: x => x.MandateCode,
                        principalTable: "Mandates",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkPlanActionMandate_WorkPlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "WorkPlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlanStep",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Text_Es = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Text_Fr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Text_Pt = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlanStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkPlanStep_WorkPlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "WorkPlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_MemberStateCode",
                table: "AspNetUsers",
                column: "MemberStateCode");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Entity_EntityKey",
                table: "AuditEntries",
                columns: new[] { "Entity", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberStates_Alpha3",
                table: "MemberStates",
                column: "Alpha3",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAt",
                table: "Outbox",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_SdgTargets_GoalNumber",
                table: "SdgTargets",
                column: "GoalNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Sectors_CategoryCode",
                table: "Sectors",
                column: "CategoryCode");

            migrationBuilder.CreateIndex(
                name: "IX_StateGroupMemberships_StateCode",
                table: "StateGroupMemberships",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_WorkingGroupMember_StateCode",
                table: "WorkingGroupMember",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlanActionMandate_MandateCode",
                table: "WorkPlanActionMandate",
                column: "MandateCode");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlanActions_WorkPlanCode_Number",
                table: "WorkPlanActions",
                columns: new[] { "WorkPlanCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_WorkingGroupCode",
                table: "WorkPlans",
                column: "WorkingGroupCode");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlanStep_ActionId",
                table: "WorkPlanStep",
                column: "ActionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "ReferenceDatasets");

            migrationBuilder.DropTable(
                name: "SdgTargets");

            migrationBuilder.DropTable(
                name: "Sectors");

            migrationBuilder.DropTable(
                name: "StateGroupMemberships");

            migrationBuilder.DropTable(
                name: "WorkingGroupMember");

            migrationBuilder.DropTable(
                name: "WorkPlanActionMandate");

            migrationBuilder.DropTable(
                name: "WorkPlanStep");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "SdgGoals");

            migrationBuilder.DropTable(
                name: "SectorCategories");

            migrationBuilder.DropTable(
                name: "StateGroups");

            migrationBuilder.DropTable(
                name: "Mandates");

            migrationBuilder.DropTable(
                name: "WorkPlanActions");

            migrationBuilder.DropTable(
                name: "MemberStates");

            migrationBuilder.DropTable(
                name: "WorkPlans");

            migrationBuilder.DropTable(
                name: "WorkingGroups");
        }
    }
}
